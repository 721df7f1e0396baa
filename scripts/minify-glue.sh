#!/usr/bin/env bash
# Trunk post-build step (scripts/post-build.sh): the standalone page's
# wasm-bindgen glue, minified by esbuild (pinned in package.json), which
# Trunk does not do: 2.7 KB less of gzipped code to load. The page's
# subresource integrity for it follows (scripts/integrity.mjs), which fails
# if the page does not name the glue's former hash.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
esbuild="${TRUNK_SOURCE_DIR:?run by trunk}/node_modules/.bin/esbuild"
glue=$(ls "$dir"/organigramme-*.js | grep -v '/organigramme\.js$' | head -n1)
[ -n "$glue" ] || { echo "minify-glue: no glue in $dir" >&2; exit 1; }
before=$(mktemp)
trap 'rm -f "$before"' EXIT
cp "$glue" "$before"
"$esbuild" "$glue" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$glue"
node "$(dirname "${BASH_SOURCE[0]}")/integrity.mjs" "$dir/index.html" "$before" "$glue"
