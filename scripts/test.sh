#!/usr/bin/env bash
# Installs what is missing, then runs every test: native core tests,
# wasm-bindgen tests in headless Chromium, and Playwright end-to-end tests
# (keyboard, ARIA, axe, snapshots, errors, size budget) on the release build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash scripts/install.sh

echo "== native tests of the core and the command line"
cargo test -p organigramme-core -p organigramme-cli

echo "== wasm-bindgen tests in headless Chromium"
cargo test -p organigramme --target wasm32-unknown-unknown

echo "== release build"
trunk build --release

echo "== end-to-end tests"
npx playwright test
