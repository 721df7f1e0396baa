#!/usr/bin/env bash
# Fuzzes the core loader (bytes -> chart or error) with cargo fuzz
# (libFuzzer + AddressSanitizer). Usage: bash scripts/fuzz.sh [seconds] (default 600).
# The corpus is seeded from every sample, catalogue and shipped data file.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
seconds="${1:-600}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
corpus=crates/core/fuzz/corpus/load
mkdir -p "$corpus"
find tests/data public/data -name '*.json' -print0 | while IFS= read -r -d '' f; do
  cp "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')"
done
cd crates/core/fuzz
# cargo fuzz needs nightly features; the stable toolchain has them behind this switch.
RUSTC_BOOTSTRAP=1 cargo fuzz run load "corpus/load" -- \
  -dict=json.dict -max_total_time="$seconds" -max_len=65536 -print_final_stats=1
