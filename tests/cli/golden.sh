#!/usr/bin/env bash
# Golden tests of the command line: each line of GOLDEN/cases.tsv is
#   NAME <TAB> EXIT_STATUS <TAB> ARGUMENTS (shell words)
# and the command's stdout must equal GOLDEN/NAME.out and its stderr GOLDEN/NAME.err (empty when
# that file is absent). Usage: golden.sh ORGRAPH GOLDEN PROJECT_DIR  (UPDATE=1 rewrites them)
set -u
orgraph=$1
golden=$2
cd "$3" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
while IFS=$'\t' read -r name want args; do
  case "$name" in ''|'#'*) continue ;; esac
  eval "set -- $args"
  "$orgraph" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
  if [ "${UPDATE:-0}" = 1 ]; then
    cp "$tmp/out" "$golden/$name.out"
    if [ -s "$tmp/err" ]; then cp "$tmp/err" "$golden/$name.err"; else rm -f "$golden/$name.err"; fi
  fi
  ok=1
  if [ "$status" != "$want" ]; then echo "FAIL $name: exit $status, expected $want"; ok=0; fi
  if ! diff -u "$golden/$name.out" "$tmp/out"; then echo "FAIL $name: stdout differs"; ok=0; fi
  expected_err=/dev/null
  [ -f "$golden/$name.err" ] && expected_err="$golden/$name.err"
  if ! diff -u "$expected_err" "$tmp/err"; then echo "FAIL $name: stderr differs"; ok=0; fi
  if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done <"$golden/cases.tsv"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
