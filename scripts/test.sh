#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs the whole suite (unit, plugins, simulator,
# cluster client, end-to-end against aliasing-sim, installed-SDK and packaging tests).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
build=${BUILD_DIR:-$root/build}
cd "$build"
ctest --output-on-failure -j"$(nproc)" --timeout 900 "$@"
