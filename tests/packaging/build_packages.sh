#!/usr/bin/env bash
# Fixture of the packaging tests: builds the .deb and the .tar.gz with CPack into SCRATCH/out, then unpacks each
# into a throw-away root far from the build tree's own bin/ and lib/: SCRATCH/deb-root (dpkg-deb -x, as dpkg -x)
# and SCRATCH/tgz-root (the tarball, its top-level directory stripped). The checks run from there.
# Usage: build_packages.sh CPACK BUILD_DIR SCRATCH
set -euo pipefail
cpack=$1 build=$2 scratch=$3

rm -rf "$scratch"
mkdir -p "$scratch/out" "$scratch/deb-root" "$scratch/tgz-root"
start=$SECONDS
"$cpack" -G "DEB;TGZ" --config "$build/CPackConfig.cmake" -B "$scratch/out"

shopt -s nullglob
debs=("$scratch"/out/*.deb)
tarballs=("$scratch"/out/*.tar.gz)
if [ ${#debs[@]} -ne 1 ] || [ ${#tarballs[@]} -ne 1 ]; then
    echo "expected one .deb and one .tar.gz in $scratch/out, found: ${debs[*]} ${tarballs[*]}" >&2
    exit 1
fi
dpkg-deb -x "${debs[0]}" "$scratch/deb-root"
dpkg-deb -f "${debs[0]}" > "$scratch/deb-control"
tar -xzf "${tarballs[0]}" -C "$scratch/tgz-root" --strip-components=1
ls -l "$scratch/out"
echo "built and unpacked both packages in $((SECONDS - start)) s"
