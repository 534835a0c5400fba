#!/usr/bin/env bash
# `orgraph centrality --max-steps N` is the only limit on the steps of a series: a daily series
# of 115 782 steps (1700 to 2016) runs under --max-steps 200000, and over the limit the error
# names --max-steps with the number of steps, whether that is over 100 000 or not.
# Usage: max_steps_check.sh ORGRAPH PROJECT_DIR
set -u
orgraph=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
"$orgraph" centrality graphs/examples --from 1700 --to 2016 --every 1d --max-steps 200000 \
  --measure degree --top 1 --format json >"$tmp/out" 2>"$tmp/err"
status=$?
if [ $status != 0 ]; then
  echo "FAIL --max-steps 200000: exit $status: $(cat "$tmp/err")"
  failed=1
elif [ "$(grep -c '"at": ' "$tmp/out")" != 115782 ]; then
  echo "FAIL --max-steps 200000: $(grep -c '"at": ' "$tmp/out") steps, expected 115782"
  failed=1
else
  echo "ok   115782 daily steps under --max-steps 200000"
fi
for max in 100000 115781; do
  "$orgraph" centrality graphs/examples --from 1700 --to 2016 --every 1d --max-steps $max \
    --measure degree >"$tmp/out" 2>"$tmp/err"
  status=$?
  want="orgraph: error: --every 1d from 1700 to 2016 gives 115782 steps, more than --max-steps $max; take a longer period or raise --max-steps"
  if [ $status != 2 ] || [ "$(cat "$tmp/err")" != "$want" ] || [ -s "$tmp/out" ]; then
    echo "FAIL --max-steps $max: exit $status, stderr: $(cat "$tmp/err")"
    failed=1
  else
    echo "ok   --max-steps $max refused with the number of steps"
  fi
done
[ "$failed" = 0 ]
