#!/usr/bin/env bash
# `orgraph import` on the bad-input corpus in BADDIR: NAME.json (--from json), NAME.popolo.json
# (--from popolo), NAME.csv/ (a directory, --from csv). Each must exit 1 with the diagnostics in
# NAME.expected (stderr) and write nothing: an existing output is left as it was, and no
# temporary file is left beside it. Then failed exports: they leave no file or new directory
# behind. Usage: bad_import.sh ORGRAPH BADDIR  (run from the project root; UPDATE=1 rewrites the
# .expected files)
set -u
orgraph=$1
dir=$2
rel=${dir#"$PWD"/}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
for path in "$rel"/*; do
  name=$(basename "$path")
  case "$name" in
    *.expected) continue ;;
    *.popolo.json) from=popolo ;;
    *.json) from=json ;;
    *.csv) from=csv ;;
    *) continue ;;
  esac
  out="$tmp/out"
  rm -rf "$out"
  mkdir -p "$out"
  echo keep >"$out/graph.gv"
  timeout 20 "$orgraph" import "$path" --from $from -o "$out/graph.gv" >/dev/null 2>"$tmp/err"
  status=$?
  expected="$dir/$name.expected"
  if [ "${UPDATE:-0}" = 1 ]; then cp "$tmp/err" "$expected"; fi
  ok=1
  if [ "$status" != 1 ]; then echo "FAIL $name: exit $status, expected 1"; ok=0; fi
  if ! diff -u "$expected" "$tmp/err"; then echo "FAIL $name: diagnostics differ"; ok=0; fi
  if [ "$(cat "$out/graph.gv")" != keep ] || [ "$(ls "$out")" != graph.gv ]; then
    echo "FAIL $name: the output directory changed: $(ls "$out")"; ok=0
  fi
  if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done

# A graph that cannot be written: the export fails and leaves nothing behind.
mkdir -p "$tmp/ro"
echo keep >"$tmp/ro/graph.json"
chmod a-w "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
  if "$orgraph" export graphs/examples --to json -o "$tmp/ro/graph.json" 2>"$tmp/err"; then
    echo "FAIL export into a read-only directory succeeded"; failed=$((failed + 1))
  elif [ "$(ls "$tmp/ro")" != graph.json ] || [ "$(cat "$tmp/ro/graph.json")" != keep ]; then
    echo "FAIL export into a read-only directory changed it"; failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
fi
chmod u+w "$tmp/ro"

# --to csv creates its directory: when the export then fails (here: every write fails with EFBIG
# under `ulimit -f 0`), it removes the directory it created and leaves one that was there; a graph
# that does not load creates nothing.
export_csv_with_no_room() {  # DIR
  (trap '' XFSZ; ulimit -f 0; exec "$orgraph" export graphs/examples --to csv -o "$1") \
    >/dev/null 2>&1
}
mkdir -p "$tmp/csv/existing"
if export_csv_with_no_room "$tmp/csv/new/dir"; then
  echo "FAIL export --to csv succeeded with no room to write"; failed=$((failed + 1))
elif [ -e "$tmp/csv/new" ]; then
  echo "FAIL a failed export --to csv left the directories it created: $(find "$tmp/csv/new")"
  failed=$((failed + 1))
else
  passed=$((passed + 1))
fi
if export_csv_with_no_room "$tmp/csv/existing"; then
  echo "FAIL export --to csv succeeded with no room to write"; failed=$((failed + 1))
elif [ ! -d "$tmp/csv/existing" ] || [ -n "$(ls -A "$tmp/csv/existing")" ]; then
  echo "FAIL a failed export --to csv changed the directory that was there"; failed=$((failed + 1))
else
  passed=$((passed + 1))
fi
if "$orgraph" export "$dir/malformed.json" --to csv -o "$tmp/csv/unloaded" >/dev/null 2>&1; then
  echo "FAIL export --to csv of a graph that does not load succeeded"; failed=$((failed + 1))
elif [ -e "$tmp/csv/unloaded" ]; then
  echo "FAIL export --to csv of a graph that does not load created its directory"
  failed=$((failed + 1))
else
  passed=$((passed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
