#!/usr/bin/env bash
# Quick start: installs what is missing, builds, starts aliasing-sim with the demo cluster (four data sources,
# several generations each, one incomplete), promotes customer with visible progress, then shows the alias moved.
# DEMO_JOB=examples/jobs/smr.json shows a refused run (incomplete generation, exit 4) instead.
# DEMO_JOB=examples/jobs/transaction.json shows a generation the content gates refuse (refund lost 41% of its docs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
BUILD_TARGETS="aliasing aliasing-sim aliasing_plugins" "$root/scripts/build.sh"
bin=$build/bin
job=${DEMO_JOB:-$root/examples/jobs/customer.json}
work=$(mktemp -d)
"$bin/aliasing-sim" --state "$root/examples/demo-cluster.json" --port 0 \
  --forcemerge-ms-per-gib 300 --replica-delay-ms 2000 --quiet >"$work/sim.out" 2>"$work/sim.err" &
sim=$!
trap 'kill $sim 2>/dev/null; wait $sim 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/sim.out" ] && break; sleep 0.1; done
url=$(head -n1 "$work/sim.out")
[ -n "$url" ] || { echo "aliasing-sim did not start:"; cat "$work/sim.err"; exit 1; }
echo "== aliasing-sim is serving the demo cluster at $url"
echo "== aliasing run $(basename "$job")"
set +e
"$bin/aliasing" run "$job" --es-url "$url" --report "$work/report.json"
rc=$?
set -e
echo "== exit code $rc; the report's outcome: $(grep -o '"outcome":"[a-z_]*","exit_code":[0-9]*' "$work/report.json" | tail -n1)"
echo "== aliasing status $(basename "$job") (after the run)"
"$bin/aliasing" status "$job" --es-url "$url" 2>/dev/null | sed -n '1,3p;/^Generations/,$p' || true
exit $rc
