#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) into build-fuzz/ (override with FUZZ_BUILD_DIR) and runs each on
# its seed corpus in fuzz/corpus/<target>/, printing the executions per target.
#   scripts/fuzz.sh [SECONDS]  explores anew for SECONDS per target (default 60); new inputs libFuzzer finds go to
#                              build-fuzz/corpus/<target>/ and are reused next time, so the committed corpus stays small.
#   scripts/fuzz.sh --ci       what CI runs: a fixed seed and a fixed number of executions per target (about 10 s
#                              each on 2 cores), from the committed corpus only, so the verdict is the same on every
#                              machine and a CI failure reproduces here with the same command.
# FUZZ_TARGETS="fuzz_job fuzz_catalog" runs only those. A crash leaves its input as build-fuzz/crashes/<target>/
# crash-*: fix the bug, add a unit test, and commit the input to fuzz/corpus/<target>/ as a regression seed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ci=0
if [ "${1:-}" = --ci ]; then ci=1; seconds=120; else seconds=${1:-60}; fi
# Executions per target in --ci mode: about 10 s each measured on a 2-core CI machine (`exec/s` in the output).
# --ci stops a target at 120 s even if its count is not reached (a much slower machine), and says so.
declare -A ci_runs=([fuzz_job]=150000 [fuzz_run_id]=2000000 [fuzz_catalog]=600000 [fuzz_alias_table]=600000
  [fuzz_layout]=3000000 [fuzz_declarative_source]=400000 [fuzz_es_error]=150000 [fuzz_es_client]=50000
  [fuzz_sim_http]=50000 [fuzz_sim_json]=500000)
FUZZ=1 "$root/scripts/install-deps.sh"
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
targets=(${FUZZ_TARGETS:-fuzz_job fuzz_run_id fuzz_catalog fuzz_alias_table fuzz_layout fuzz_declarative_source
  fuzz_es_error fuzz_es_client fuzz_sim_http fuzz_sim_json})
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DALIASING_FUZZ=ON -DALIASING_BUILD_TESTS=OFF -DALIASING_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" $(printf -- '--target %s ' "${targets[@]}")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
printf '%-26s %12s %8s %s\n' target executions exec/s result
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t" "$build/crashes/$t"
  log="$build/$t.log"
  status=ok
  # The two targets with a loopback server thread skip libFuzzer's leak check: its stop-the-world pass on every new
  # input makes them 20 times slower. Every other target checks leaks.
  extra=()
  case "$t" in fuzz_es_client|fuzz_sim_http) extra=(-detect_leaks=0) ;; esac
  # Every committed seed first (regression inputs included), then fuzzing from the seeds (and, when exploring, from
  # what earlier runs found). --ci starts from an empty scratch corpus each time: same seed, same inputs, same verdict.
  corpus="$build/corpus/$t"
  if [ $ci = 1 ]; then
    corpus="$build/ci-corpus/$t"
    rm -rf "$corpus" && mkdir -p "$corpus"
    extra+=(-seed=1 -runs="${ci_runs[$t]:-100000}")
  elif [ -n "${FUZZ_SEED:-}" ]; then
    extra+=(-seed="$FUZZ_SEED")
  fi
  if ! "$build/bin/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$build/crashes/$t/" -print_final_stats=1 "${extra[@]}" \
      "$corpus" "$root/fuzz/corpus/$t" >"$log" 2>&1; then
    status=FAILED
    failed+=("$t")
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  rate=$(grep -o 'exec/s: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo "?")
  if [ $ci = 1 ] && [ "$status" = ok ] && [ "$runs" != "?" ] && [ "$runs" -lt "${ci_runs[$t]:-100000}" ]; then
    status="ok (stopped at the ${seconds} s cap before ${ci_runs[$t]:-100000} executions)"
  fi
  printf '%-26s %12s %8s %s\n' "$t" "$runs" "$rate" "$status"
  if [ "$status" = FAILED ]; then tail -n 40 "$log" >&2; fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found a problem in: ${failed[*]} (inputs in $build/crashes/)" >&2
  exit 1
fi
