#!/usr/bin/env bash
# Whole-process speed (SPEC §12): `aliasing plan` on synthetic 100k and 1M-index catalogs against a process that only
# reads and parses the same file with simdjson (aliasing_floor_process), timed with hyperfine in interleaved rounds,
# then peak memory of the 1M plan with /usr/bin/time -v. Builds Release into build-bench/ (BENCH_BUILD_DIR overrides
# it) and writes the catalogs into $BENCH_BUILD_DIR/whole-process/. Results are printed; README.md records them.
#
#   benchmarks/whole_process.sh [SIZES...]        # default: 100000 1000000
#   ROUNDS=7 RUNS=3 benchmarks/whole_process.sh    # hyperfine rounds per size, runs per command in each round
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build-bench}
rounds=${ROUNDS:-7}
runs=${RUNS:-3}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)

for tool in hyperfine /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "whole_process.sh: needs $tool (apt-get install hyperfine time)" >&2; exit 2; }
done
"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DALIASING_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" --target aliasing aliasing_plugins aliasing_floor_process aliasing_write_catalog -j"$(nproc)"
bin=$build/bin
data=$build/whole-process
mkdir -p "$data"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for n in "${sizes[@]}"; do
    now=$("$bin/aliasing_write_catalog" "$n" "$data")
    catalog=$data/catalog-$n.json
    plan="$bin/aliasing plan $data/job.json --catalog $catalog --aliases $data/aliases-$n.json --now $now"
    # The plan must promote (exit 0), or the timing is of something else.
    $plan --output json >/dev/null
    rm -f "$data"/round-"$n"-*.json
    for round in $(seq "$rounds"); do
        # Each round runs every command $runs times after a warm-up; rounds alternate so that load changes on the
        # shared machine fall on all commands alike.
        hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$data/round-$n-$round.json" \
            -n floor "$bin/aliasing_floor_process $catalog" \
            -n floor-huge-pages "$bin/aliasing_floor_process --huge-pages $catalog" \
            -n plan-text "$plan --output text" \
            -n plan-json "$plan --output json" >/dev/null
    done
    python3 - "$n" "$catalog" "$data"/round-"$n"-*.json <<'PY'
import json, os, statistics, sys
n, catalog, files = sys.argv[1], sys.argv[2], sys.argv[3:]
times, cpu, ratios = {}, {}, {}
for path in files:
    round_medians = {}
    for result in json.load(open(path))["results"]:
        name = result["command"]
        times.setdefault(name, []).extend(result["times"])
        cpu.setdefault(name, []).append(result["user"] + result["system"])
        round_medians[name] = statistics.median(result["times"])
    for name, median in round_medians.items():
        ratios.setdefault(name, []).append(median / round_medians["floor"])
floor = statistics.median(times["floor"])
floor_cpu = statistics.median(cpu["floor"])
print(f"\n{int(n):,} indices, {os.path.getsize(catalog) / 2**20:.1f} MiB catalog, {len(times['floor'])} runs per command "
      f"in {len(files)} rounds")
print("| command | median wall | x floor | median of round ratios | mean CPU (user+sys) | CPU x floor |")
print("|---|--:|--:|--:|--:|--:|")
for name in times:
    wall = statistics.median(times[name])
    cpu_median = statistics.median(cpu[name])
    print(f"| {name} | {wall * 1000:.1f} ms | {wall / floor:.2f}x | {statistics.median(ratios[name]):.2f}x "
          f"| {cpu_median * 1000:.1f} ms | {cpu_median / floor_cpu:.2f}x |")
PY
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Peak memory of the largest plan (SPEC §12: under 3x the catalog's bytes).
n=${sizes[-1]}
now=$("$bin/aliasing_write_catalog" "$n" "$data")
catalog=$data/catalog-$n.json
bytes=$(stat -c %s "$catalog")
for output in text json; do
    peak_kib=$(/usr/bin/time -f %M "$bin/aliasing" plan "$data/job.json" --catalog "$catalog" \
        --aliases "$data/aliases-$n.json" --now "$now" --output $output 2>&1 >/dev/null | tail -1)
    python3 -c "import sys; p, b = int(sys.argv[1]) * 1024, int(sys.argv[2]); \
print(f'peak RSS, plan --output $output on {int(sys.argv[3]):,} indices: {p / 2**20:.1f} MiB = {p / b:.2f}x the catalog ({b / 2**20:.1f} MiB)')" \
        "$peak_kib" "$bytes" "$n"
done
peak_kib=$(/usr/bin/time -f %M "$bin/aliasing_floor_process" "$catalog" 2>&1 >/dev/null | tail -1)
python3 -c "import sys; p, b = int(sys.argv[1]) * 1024, int(sys.argv[2]); \
print(f'peak RSS, floor: {p / 2**20:.1f} MiB = {p / b:.2f}x the catalog')" "$peak_kib" "$bytes"
