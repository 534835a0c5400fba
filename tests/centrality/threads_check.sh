#!/usr/bin/env bash
# `orgraph centrality --threads 1` and `--threads 2` print the same bytes: the parallel measures
# (and the series, which runs them at every step) do not depend on the number of threads.
# Usage: threads_check.sh ORGRAPH
set -u
orgraph=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
graph=$tmp/history.jsonl
"$orgraph" generate --orgs 300 --people 300 --seed 4 -o "$graph" || exit 1
failed=0
check() {  # ARGUMENTS...: the same command with one and with two threads
  for t in 1 2; do
    "$orgraph" centrality "$graph" "$@" --threads $t --format json >"$tmp/out$t" 2>"$tmp/err"
    local status=$?
    if [ $status != 0 ]; then
      echo "FAIL $* --threads $t: exit $status: $(cat "$tmp/err")"
      failed=$((failed + 1))
      return
    fi
  done
  if [ "$(wc -c <"$tmp/out1")" -lt 1000 ]; then
    echo "FAIL $*: only $(wc -c <"$tmp/out1") bytes of JSON"
    failed=$((failed + 1))
  elif ! cmp -s "$tmp/out1" "$tmp/out2"; then
    echo "FAIL $*: --threads 1 and --threads 2 differ"
    diff "$tmp/out1" "$tmp/out2" | head -5
    failed=$((failed + 1))
  else
    echo "ok   $*"
  fi
}
for measure in betweenness edge_betweenness closeness harmonic approx_betweenness; do
  check --at 2018 --measure "$measure"
  check --at 2018 --measure "$measure" --projection affiliation_directed
done
check --from 2012 --to 2024 --every 2y --measure betweenness
check --from 2012 --to 2024 --every 2y --measure harmonic --projection membership
[ "$failed" = 0 ]
