#!/usr/bin/env bash
# A DOT file of a million entities (40 MB, made here) loads, in bounded time, with its count.
# Usage: million_nodes.sh ORGRAPH
set -u
orgraph=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN { print "digraph big {\n  s [kind=source title=\"t\"]";
             for (i = 0; i < 1000000; i++) printf "  n%d [kind=place name=\"n%d\" src=s]\n", i, i;
             print "}" }' >"$tmp/million.gv"
start=$(date +%s)
timeout 500 "$orgraph" check "$tmp/million.gv" >"$tmp/out" 2>"$tmp/err"
status=$?
echo "exit $status after $(($(date +%s) - start)) s"
expected="$tmp/million.gv: 1000001 entities, 0 relations; 0 errors, 0 warnings"
if [ "$status" != 0 ] || [ "$(cat "$tmp/out")" != "$expected" ]; then
  echo "FAIL: expected '$expected', got:"
  cat "$tmp/out" "$tmp/err"
  exit 1
fi
echo "1 passed"
