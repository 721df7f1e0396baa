#!/usr/bin/env bash
# Trunk post-build step (scripts/post-build.sh): the standalone page's
# wasm-bindgen glue, minified by esbuild (pinned in package.json), which
# Trunk does not do: 2.7 KB less of gzipped code to load. The page's
# subresource integrity for it follows; the step fails if the page does not
# name the glue's former hash.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
esbuild="${TRUNK_SOURCE_DIR:?run by trunk}/node_modules/.bin/esbuild"
glue=$(ls "$dir"/organigramme-*.js | grep -v '/organigramme\.js$' | head -n1)
[ -n "$glue" ] || { echo "minify-glue: no glue in $dir" >&2; exit 1; }
sri() { node -e 'const f = process.argv[1]; process.stdout.write("sha384-" + require("crypto").createHash("sha384").update(require("fs").readFileSync(f)).digest("base64"))' "$1"; }
before=$(sri "$glue")
grep -qF "integrity=\"$before\"" "$dir/index.html" || { echo "minify-glue: index.html has no integrity $before" >&2; exit 1; }
"$esbuild" "$glue" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$glue"
after=$(sri "$glue")
sed -i "s|integrity=\"$before\"|integrity=\"$after\"|" "$dir/index.html"
