#!/usr/bin/env bash
# Checks only the .deb has (see build_packages.sh).
# Usage: check_deb.sh CHECK SCRATCH VERSION
#   control:        the control fields: name, version, architecture, and runtime dependencies on Debian 12's
#                   Poco, simdjson and C++ runtime packages (as dpkg-shlibdeps found them)
#   systemd_units:  the packaged aliasing@.service and aliasing@.timer pass `systemd-analyze verify` against the
#                   packaged /usr/bin/aliasing, with no warning at all
set -uo pipefail
check=$1 scratch=$2 version=$3
fail() { echo "FAIL ($check): $*" >&2; exit 1; }

case "$check" in
control)
    control="$scratch/deb-control"
    cat "$control" || fail "$control is missing"
    field() { sed -n "s/^$1: //p" "$control"; }
    [ "$(field Package)" = aliasing ] || fail "Package is [$(field Package)], expected aliasing"
    [ "$(field Version)" = "$version" ] || fail "Version is [$(field Version)], expected $version"
    arch=$(dpkg --print-architecture)
    [ "$(field Architecture)" = "$arch" ] || fail "Architecture is [$(field Architecture)], expected $arch"
    depends=$(field Depends)
    names=$(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/[ (].*//')  # one package name a line, versions dropped
    for package in libc6 libstdc++6 libpocofoundation80 libpocoutil80 libpocojson80 libsimdjson14; do
        grep -Fxq "$package" <<<"$names" || fail "Depends lacks $package: [$depends]"
    done
    ;;
systemd_units)
    root="$scratch/systemd-root"
    rm -rf "$root"
    cp -a "$scratch/deb-root" "$root"
    mkdir -p "$root/etc/systemd/system" "$root/etc/aliasing" "$root/usr/lib/systemd"
    cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/"  # sysinit.target, timers.target, ... of the host
    cp "$root/usr/share/doc/aliasing/systemd/aliasing@.service" "$root/usr/share/doc/aliasing/systemd/aliasing@.timer" \
        "$root/etc/systemd/system/"
    cp "$root/usr/share/doc/aliasing/examples/jobs/customer.json" "$root/etc/aliasing/customer.json"
    printf 'ALIASING_ES_URL=http://127.0.0.1:9200\n' > "$root/etc/aliasing/customer.env"
    out=$(systemd-analyze verify --man=no --root="$root" aliasing@customer.service aliasing@customer.timer 2>&1)
    code=$?
    printf '%s\n[exit %s]\n' "$out" "$code"
    [ "$code" -eq 0 ] || fail "systemd-analyze verify exited $code"
    [ -z "$out" ] || fail "systemd-analyze verify warned (above)"
    ;;
*)
    fail "unknown check [$check]"
    ;;
esac
exit 0
