#!/usr/bin/env bash
# Installs whatever Debian 12 packages aliasing needs to build, test and run, and nothing if all are present.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config ccache
  libpoco-dev libssl-dev libsimdjson-dev libboost-dev libboost-filesystem-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-elasticsearch python3-prometheus-client
  dpkg-dev file
)
# scripts/fuzz.sh also needs clang and its runtime (libFuzzer, ASan, UBSan live in libclang-rt-14-dev);
# the normal build does not.
if [ -n "${FUZZ:-}" ]; then packages+=(clang libclang-rt-14-dev); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing missing packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
