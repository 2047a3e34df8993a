#!/usr/bin/env bash
# One check of an unpacked package (see build_packages.sh). PREFIX is the unpacked install prefix (the directory
# holding bin/); the package must work from there: plugins, examples and man page all found relative to it.
# Usage: check_package.sh CHECK PREFIX VERSION PLUGIN_DIR_RELATIVE_TO_PREFIX
#   CHECK: version | plugins | plan | man_page | layout
set -uo pipefail
check=$1 prefix=$2 version=$3 plugin_rel=$4
aliasing="$prefix/bin/aliasing"
examples="$prefix/share/doc/aliasing/examples"

fail() { echo "FAIL ($check): $*" >&2; exit 1; }

# Runs the packaged aliasing from / with no plugin path from the environment, so nothing can come from the
# build tree or the current directory. Sets $out and $code.
run() {
    out=$(cd / && env -u ALIASING_PLUGIN_PATH "$aliasing" "$@" 2>&1)
    code=$?
    printf '$ aliasing %s\n%s\n[exit %s]\n' "$*" "$out" "$code"
}
expect_line() {  # a whole line matching the extended regex $1
    grep -Eq -- "$1" <<<"$out" || fail "no line matching /$1/ in the output above"
}

[ -x "$aliasing" ] || fail "$aliasing is missing or not executable"

case "$check" in
version)
    run --version
    [ "$code" -eq 0 ] || fail "exit $code, expected 0"
    expect_line "^aliasing $version$"
    expect_line '^plugin ABI [0-9]+\.[0-9]+$'
    expect_line '^Poco [0-9]+\.[0-9]+\.[0-9]+$'
    expect_line '^Boost [0-9]+\.[0-9]+\.[0-9]+$'
    expect_line '^simdjson [0-9]+\.[0-9]+\.[0-9]+'
    ;;
plugins)
    run plugins
    [ "$code" -eq 0 ] || fail "exit $code, expected 0"
    for name in customer smr smr-employee transaction; do
        expect_line "^$name +compiled +version"
        expect_line "^ +path: +$prefix/$plugin_rel/aliasing-$name\.so$"
    done
    if grep -E '^ +path:' <<<"$out" | grep -Fvq "$prefix/$plugin_rel/"; then
        fail "a plugin was loaded from outside the package's $prefix/$plugin_rel"
    fi
    ;;
plan)
    run plan "$examples/jobs/customer.json" --catalog "$examples/catalogs/customer.json" \
        --aliases "$examples/catalogs/customer-aliases.json" --now 20261124t020000
    [ "$code" -eq 0 ] || fail "exit $code, expected 0 (promote)"
    expect_line '^PROMOTE generation 20261122t020000 \(4 indices\) to alias \[customer-prod\]$'
    expect_line '^index +shards +size +segs +GiB/shard +segs/shard +segs/GiB +command$'
    expect_line '^customer-2_0_0-account-20261122t020000 .* max_num_segments=3$'
    expect_line '^Alias change \(one atomic POST /_aliases\):$'
    ;;
man_page)
    page="$prefix/share/man/man1/aliasing.1.gz"
    [ -f "$page" ] || fail "$page is missing"
    out=$(gzip -dc "$page") || fail "$page is not a valid gzip file"
    expect_line "^\\.TH ALIASING 1 .*\"aliasing $version\" \"User Commands\"$"
    expect_line '^\.SH EXIT STATUS$'
    for command in run plan status rollback audit plugins; do
        expect_line "^\.B aliasing $command"
    done
    if command -v man >/dev/null; then  # and man renders it: sections as headings
        out=$(MANWIDTH=100 man -l "$page" 2>/dev/null) || fail "man -l $page failed"
        for section in NAME SYNOPSIS COMMANDS OPTIONS "EXIT STATUS"; do
            expect_line "^$section$"
        done
    fi
    ;;
layout)
    for path in bin/aliasing bin/aliasing-sim share/doc/aliasing/README.packaging.md \
                share/doc/aliasing/examples/jobs/smr-employee.json share/doc/aliasing/airflow/dags/aliasing_smr.py \
                "share/doc/aliasing/systemd/aliasing@.service" share/doc/aliasing/docker/Dockerfile \
                share/bash-completion/completions/aliasing; do
        [ -e "$prefix/$path" ] || fail "$prefix/$path is missing"
    done
    count=$(find "$prefix/$plugin_rel" -name 'aliasing-*.so' | wc -l)
    [ "$count" -eq 4 ] || fail "expected the 4 built-in plugins in $prefix/$plugin_rel, found $count"
    if find "$prefix" -name '__pycache__' | grep -q .; then fail "a __pycache__ directory was packaged"; fi
    file -L "$aliasing" | grep -q 'not stripped' && fail "$aliasing is not stripped (CPACK_STRIP_FILES)"
    echo "layout ok: $prefix"
    ;;
*)
    fail "unknown check [$check]"
    ;;
esac
exit 0
