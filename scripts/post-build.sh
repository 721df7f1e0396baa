#!/usr/bin/env bash
# Trunk's post-build hook, its steps in order (Trunk runs hooks of one stage
# at once, and two of these write the page): the embed bundle from the
# glue as wasm-bindgen wrote it, then the glue minified, then the page's
# module script made async.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/embed-bundle.sh"
bash "$here/minify-glue.sh"
bash "$here/async-module.sh"
