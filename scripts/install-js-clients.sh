#!/usr/bin/env bash
# Installs the official JavaScript clients the conformance test drives (tests/conformance/package.json, versions
# pinned by package-lock.json) into tests/conformance/node_modules, which git ignores. Without npm it says so and
# the ctest sim_js_clients_conformance skips.
set -euo pipefail
cd "$(dirname "$0")/../tests/conformance"
if ! command -v npm >/dev/null; then
  echo "npm not found: the JavaScript client conformance test will be skipped"
  exit 0
fi
if [ -d node_modules/@elastic/elasticsearch ] && [ -d node_modules/@opensearch-project/opensearch ]; then
  exit 0
fi
npm ci --no-audit --no-fund --silent
