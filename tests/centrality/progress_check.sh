#!/usr/bin/env bash
# The progress bar of `orgraph centrality`: drawn on stderr when stderr is a terminal and the
# work takes more than a second, erased before the results; never written when stderr is not a
# terminal. The generated history grows until betweenness on it takes over 2 s more than
# degree (which draws no bar), twice the second the bar waits for, so the test holds on fast
# and slow builds alike and when the machine is busier while measuring than while drawing;
# script(1) from util-linux gives the command a pseudo-terminal.
# Usage: progress_check.sh ORGRAPH
set -u
orgraph=$1
command -v script >/dev/null || { echo "FAIL: script(1) is missing (Debian: util-linux)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

seconds() {  # COMMAND...: runs it with stdout to $tmp/out, stderr to $tmp/err; prints seconds
  local start=$EPOCHREALTIME
  "$@" >"$tmp/out" 2>"$tmp/err" || { echo "FAIL $*: exit $?: $(cat "$tmp/err")" >&2; exit 1; }
  echo "$start $EPOCHREALTIME" | awk '{ printf "%.2f", $2 - $1 }'
}

n=3000
while :; do
  graph=$tmp/history_$n.jsonl
  "$orgraph" generate --orgs $n --people $n --seed 3 -o "$graph" || exit 1
  base=(centrality "$graph" --at 2018 --format json --threads 1)
  quick=$(seconds "$orgraph" "${base[@]}" --measure degree)
  slow=$(seconds "$orgraph" "${base[@]}" --measure betweenness)
  if [ -s "$tmp/err" ]; then
    echo "FAIL: stderr is not a terminal, yet the command wrote to it:"
    head -c 300 "$tmp/err" | od -c | head
    exit 1
  fi
  cp "$tmp/out" "$tmp/plain.json"
  echo "$n orgs and people: degree $quick s, betweenness $slow s"
  if awk -v a="$slow" -v b="$quick" 'BEGIN { exit !(a - b > 2) }'; then break; fi
  if [ $n -ge 48000 ]; then echo "FAIL: betweenness never took over 2 s"; exit 1; fi
  n=$((n * 2))
done

# On a terminal: stdout and stderr both reach the pseudo-terminal.
printf -v cmd '%q ' "$orgraph" "${base[@]}" --measure betweenness
script -qfec "$cmd" /dev/null >"$tmp/tty" 2>&1 || { echo "FAIL: exit $? on a terminal"; exit 1; }
failed=0
if ! grep -aq "betweenness on [0-9]* vertices \[#*\.*\] *[0-9]*% " "$tmp/tty"; then
  echo "FAIL: no progress bar on the terminal:"
  head -c 300 "$tmp/tty" | od -c | head
  failed=1
fi
# Erased (carriage return, erase to end of line) before the results, which are those printed
# without a terminal (the terminal turns line feeds into CR LF).
after=$(awk 'BEGIN { RS = "\033\\[K" } { last = $0 } END { printf "%s", last }' "$tmp/tty" |
        tr -d '\r')
if [ "$after" != "$(cat "$tmp/plain.json")" ]; then
  echo "FAIL: what follows the erased bar is not the results:"
  printf '%s' "$after" | head -c 300 | od -c | head
  failed=1
fi
# A series draws its bar within its steps too (its first step alone is the work measured above).
printf -v cmd '%q ' "$orgraph" centrality "$graph" --from 2018 --to 2019 --every 1y --threads 1 \
  --format json
start=$EPOCHREALTIME
script -qfec "$cmd" /dev/null >"$tmp/tty" 2>&1 || { echo "FAIL: series exit $?"; exit 1; }
took=$(echo "$start $EPOCHREALTIME" | awk '{ printf "%.2f", $2 - $1 }')
echo "series of 2 steps on a terminal: $took s"
if awk -v t="$took" 'BEGIN { exit !(t > 2.5) }' &&
   ! grep -aq "betweenness over 2 steps \[#*\.*\] *[0-9]*% " "$tmp/tty"; then
  echo "FAIL: no progress bar over the series steps (it took $took s)"
  failed=1
fi
[ $failed = 0 ] && echo "progress bar drawn on a terminal and erased; nothing on a plain stderr"
exit $failed
