#!/usr/bin/env bash
# Planning benchmarks (SPEC §12): installs what is missing, builds Release into build-bench/ (override with
# BENCH_BUILD_DIR), runs every case for N = 1k, 10k, 100k and 1M, prints the table and the targets, then measures
# peak memory for planning 1M indices. Extra arguments go to the benchmark binary, e.g. --benchmark_filter=/10000$.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
build=${BENCH_BUILD_DIR:-$root/build-bench}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DALIASING_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" --target aliasing_planning_benchmark aliasing_plan_memory -j"$(nproc)"
results="$build/benchmark-results.json"
"$build/bin/aliasing_planning_benchmark" --benchmark_out="$results" --benchmark_out_format=json "$@"
echo
python3 "$root/benchmarks/bench_table.py" "$results"
echo
"$build/bin/aliasing_plan_memory"
