#!/usr/bin/env bash
# The side-by-side benchmark (figures, never pass/fail): installs what is
# missing, builds the release, generates the charts, then runs
# scripts/bench.mjs, which writes target/bench/report.json and report.md.
# `node scripts/bench.mjs --readme` then puts the figures in README.md.
#
#   BENCH_ROUNDS=3                   rounds (default 3)
#   BENCH_READY_ROUNDS=9             rounds timing ready (default 9): those after
#                                    BENCH_ROUNDS time ready alone
#   BENCH_SIZES=1000,10000,100000    chart sizes, in units
#   BENCH_ONLY=vanilla,organigramme-list,organigramme-chart,organigramme-tree,organigramme-flat,d3-org-chart,static
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash scripts/install.sh
trunk build --release

# Generated charts (nested, and flat for Organigramme's second data form),
# in target/ (ignored by git, and not wiped by trunk as dist/ is). Rewritten
# only when missing or older than the generator, so reruns are cheap.
data=target/bench/data
mkdir -p "$data"
generator_sources=(crates/core/src/generate.rs crates/core/examples/generate.rs)
cargo build --quiet --release -p organigramme-core --example generate
generate() { # size, file, extra arguments
  local size=$1 file=$2
  shift 2
  local stale=0
  [ -s "$file" ] || stale=1
  for src in "${generator_sources[@]}"; do
    [ "$src" -nt "$file" ] && stale=1
  done
  if [ "$stale" = 1 ]; then
    echo "generating $file"
    cargo run --quiet --release -p organigramme-core --example generate -- "$size" "$@" > "$file.tmp"
    mv "$file.tmp" "$file"
  fi
}
IFS=, read -r -a sizes <<< "${BENCH_SIZES:-1000,10000,100000}"
for n in "${sizes[@]}"; do
  generate "$n" "$data/units-$n.json"
  generate "$n" "$data/units-$n-flat.json" --flat
done

# The core's search, natively, on each generated chart.
for n in "${sizes[@]}"; do
  cargo run --quiet --release -p organigramme-core --example search -- "$data/units-$n.json" > "target/bench/search-core-$n.json"
done

# The command line, natively: imports, diff, validate and export on the
# 100,000-unit chart, and a directory export (bench/cli.mjs).
if [ -s "$data/units-100000-flat.json" ]; then
  cargo build --quiet --release -p organigramme-cli
  node bench/cli.mjs
fi

node scripts/bench.mjs
