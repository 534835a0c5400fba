#!/usr/bin/env bash
# Runs `orgraph check` on every entry of the bad-input corpus and compares its diagnostics
# (stderr) with NAME.expected; warn_* cases must exit 0, all others 1, each in under 2 s.
# Usage: bad_input.sh ORGRAPH BADDIR   (run from the project root; UPDATE=1 rewrites .expected)
set -u
orgraph=$1
dir=$2
rel=${dir#"$PWD"/}
failed=0
passed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run_case() {  # name path expected_status
  local name=$1 path=$2 want=$3 expected="$dir/$1.expected"
  local start end status
  start=$(date +%s%N)
  timeout 20 "$orgraph" check "$path" >"$tmp/out" 2>"$tmp/raw"
  status=$?
  sed "s#$tmp/##g" "$tmp/raw" >"$tmp/err"
  end=$(date +%s%N)
  local ms=$(((end - start) / 1000000))
  if [ "${UPDATE:-0}" = 1 ]; then cp "$tmp/err" "$expected"; fi
  if [ "$status" != "$want" ]; then
    echo "FAIL $name: exit $status, expected $want"; cat "$tmp/err"; failed=$((failed + 1)); return
  fi
  if [ "$ms" -gt 2000 ]; then
    echo "FAIL $name: took ${ms} ms"; failed=$((failed + 1)); return
  fi
  if ! diff -u "$expected" "$tmp/err"; then
    echo "FAIL $name: diagnostics differ"; failed=$((failed + 1)); return
  fi
  passed=$((passed + 1))
}

for path in "$rel"/*; do
  name=$(basename "$path")
  case "$name" in *.expected) continue ;; esac
  want=1
  case "$name" in warn_*) want=0 ;; esac
  run_case "$name" "$path" "$want"
done

# Cases made at test time: a missing path, and a 10 MB attribute (not worth committing).
run_case missing_path "$rel/no_such_file.gv" 1
big="$tmp/huge_attribute.gv"
{
  printf 'digraph big {\n  s [kind=source title="t"]\n  a [kind=org name="A" note="'
  head -c 10485760 /dev/zero | tr '\0' 'x'
  printf '" src=s]\n}\n'
} >"$big"
run_case huge_attribute "$big" 1
rm -f "$big"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
