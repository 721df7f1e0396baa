#!/usr/bin/env bash
# Trunk post-build step (scripts/post-build.sh): writes the embed bundle with stable names next to
# the standalone page's hashed files: organigramme.js (the ES module, which
# starts itself, fetching the data while the WebAssembly loads),
# organigramme_bg.wasm and organigramme.css.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
cd "$dir"
one() { local f; f=$(ls $1 2>/dev/null | grep -v '^organigramme\(_bg\.wasm\|\.js\|\.css\)$' | head -n1); [ -n "$f" ] || { echo "embed-bundle: no $1 in $dir" >&2; exit 1; }; echo "$f"; }
glue=$(one 'organigramme-*.js')
wasm=$(one 'organigramme-*_bg.wasm')
css=$(one 'organigramme-*.css')
cp "$wasm" organigramme_bg.wasm
cp "$css" organigramme.css
cat "$glue" "$TRUNK_SOURCE_DIR/src/embed/preload.js" "$TRUNK_SOURCE_DIR/src/embed/start.js" > organigramme.js
# Minified as one module: start.js calls the glue's own names.
"$TRUNK_SOURCE_DIR/node_modules/.bin/esbuild" organigramme.js --minify --format=esm --log-level=warning --allow-overwrite --outfile=organigramme.js
