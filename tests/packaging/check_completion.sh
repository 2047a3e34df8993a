#!/usr/bin/env bash
# The generated bash completion offers the commands and each command's options (from the help table).
# Usage: check_completion.sh COMPLETION_FILE
set -uo pipefail
source "$1" || { echo "FAIL: cannot source $1" >&2; exit 1; }
complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _aliasing; echo "${COMPREPLY[*]}"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
[[ " $(complete_words aliasing st) " == *" status "* ]] || fail "'aliasing st<TAB>' does not offer status"
[[ " $(complete_words aliasing run --dry) " == *" --dry-run "* ]] || fail "'run --dry<TAB>' does not offer --dry-run"
[[ " $(complete_words aliasing plugins --) " != *" --catalog "* ]] || fail "plugins offers --catalog, which it refuses"
[[ " $(complete_words aliasing plan --output "") " == *" markdown "* ]] || fail "--output values are not offered"
[[ " $(complete_words aliasing '') " != *" version "* ]] || fail "a version command is offered"
echo "completion ok"
