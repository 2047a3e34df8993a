#!/usr/bin/env bash
# Runs the real-cluster capable tests (SPEC §14.4) against a cluster: the end-to-end RealCluster.* tests, the
# pipeline tests (the fixtures that need the simulator's fault injection, request log or simulated figures skip,
# each saying why) and the JavaScript client conformance test.
#
#   scripts/test-real-cluster.sh URL     against the cluster at URL, with the tool's own credential, TLS and SigV4
#                                        variables (ALIASING_ES_USERNAME/_PASSWORD[_FILE], ALIASING_ES_API_KEY[_FILE],
#                                        ALIASING_AWS_SIGV4, AWS_REGION, AWS_*)
#   scripts/test-real-cluster.sh --sim   against an aliasing-sim started here on loopback, as a stand-in: the way
#                                        to exercise this path where no real cluster is reachable
#   scripts/test-real-cluster.sh --sim-sigv4   the same with a one-node stand-in (replicas capped at 0) checking
#                                        every request's SigV4 signature, the tests signing through the tool's
#                                        variables (ALIASING_AWS_SIGV4, AWS_*)
#
# Every test works under its own prefix aliasing-test-<random>- and deletes what it made; see README.md.
# Extra arguments go to each gtest binary (e.g. --gtest_filter=RealCluster.Promotes*).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
target=${1:?usage: scripts/test-real-cluster.sh URL|--sim [gtest arguments]}
shift

sim_pid=
cleanup() { if [[ -n $sim_pid ]]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
if [[ $target == --sim || $target == --sim-sigv4 ]]; then
  # Elasticsearch 9.x: the installed @elastic/elasticsearch 9.x client (the JavaScript test) drives only its own major.
  sim_args=(--port 0 --quiet --nodes 3 --version 9.1.5)
  if [[ $target == --sim-sigv4 ]]; then
    export ALIASING_AWS_SIGV4=1 AWS_REGION=eu-west-1 AWS_ACCESS_KEY_ID=AKIDTESTREAL AWS_SECRET_ACCESS_KEY=test/real+key
    unset AWS_SESSION_TOKEN AWS_PROFILE ALIASING_ES_USERNAME ALIASING_ES_API_KEY
    sim_args=(--port 0 --quiet --nodes 1 --aws-sigv4 "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" --aws-region "$AWS_REGION")
  fi
  out=$(mktemp)
  "$build/bin/aliasing-sim" "${sim_args[@]}" >"$out" &
  sim_pid=$!
  for _ in $(seq 100); do [[ -s $out ]] && break; sleep 0.1; done
  target=$(head -n1 "$out")
  rm -f "$out"
  [[ $target == http://* ]] || { echo "test-real-cluster: aliasing-sim did not start" >&2; exit 1; }
  echo "test-real-cluster: aliasing-sim (pid $sim_pid) at $target stands in for the real cluster"
fi
export ALIASING_TEST_ES_URL=$target

status=0
"$build/bin/aliasing_e2e_tests" --gtest_filter='RealCluster.*' "$@" || status=1
"$build/bin/aliasing_pipeline_tests" "$@" || status=1
ctest --test-dir "$build" -R '^sim_js_clients_conformance$' --output-on-failure || status=1
exit $status
