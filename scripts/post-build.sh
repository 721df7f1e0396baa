#!/usr/bin/env bash
# Trunk's post-build hook, its steps in order (Trunk runs hooks of one stage
# at once, and these rewrite each other's files and the page): the exports
# nothing of ours uses dropped, and the module optimised again without them;
# the short names of the module's imports and exports, in the module and its
# glue; the embed bundle from that glue; the glue minified; the page's
# module script made async.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
node "$here/unused-exports.mjs"
node "$here/short-names.mjs"
bash "$here/embed-bundle.sh"
bash "$here/minify-glue.sh"
bash "$here/async-module.sh"
