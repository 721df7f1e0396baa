#!/usr/bin/env bash
# Installs what the project needs, skipping what is already there, at pinned
# versions. For Debian 12 with rustup, node and npm; run as root (or with sudo).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
  step "trunk $TRUNK_VERSION (about 12 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WASM_BINDGEN_VERSION"; then
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 10 minutes)"
  # Not --locked: its lockfile names a crate the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Chromium and its driver; pdftotext (poppler-utils) reads the printed PDF.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; then
  step "Chromium, chromedriver and poppler-utils from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver poppler-utils
fi

# Playwright, axe-core, ajv and binaryen (wasm-opt 132: Debian's 108 silently
# breaks the app) from the committed lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Node test dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
wasm-opt --version | grep -q "version 132" || { echo "wasm-opt is not version 132" >&2; exit 1; }
cargo fetch --quiet
