#!/usr/bin/env bash
# Benchmarks: builds the release and the generated charts, then prints figures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash scripts/install.sh
trunk build --release
mkdir -p dist/bench
for n in 10000 100000; do
  cargo run --quiet --release -p organigramme-core --example generate -- "$n" 10 > "dist/bench/units-$n.json"
done
node scripts/bench.mjs
