#!/usr/bin/env bash
# Trunk post-build step (scripts/post-build.sh): the standalone page's module script (Trunk's) is
# made async, so that the WebAssembly compiles and starts while the page is
# still parsed and its stylesheets load; the widget mounts once the page is
# parsed. Fails if Trunk's output changed and there is no such script.
set -euo pipefail
page="${TRUNK_STAGING_DIR:?run by trunk}/index.html"
grep -qx '<script type="module">' "$page" || { echo "async-module: no Trunk module script in $page" >&2; exit 1; }
sed -i 's|^<script type="module">$|<script type="module" async>|' "$page"
