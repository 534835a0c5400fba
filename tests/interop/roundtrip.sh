#!/usr/bin/env bash
# Lossless round trips on every graph in graphs/ and on generated graphs:
#   export --to json | import --from json | export --to json   gives the same bytes;
#   export --to dot, check --strict, export --to json           gives the same JSON;
#   export --to csv [--bom] | import --from csv | export --to json gives the same JSON, and its
#                                                                  own CSV export the same CSV.
# Usage: roundtrip.sh ORGRAPH PROJECT_DIR
set -u
orgraph=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
passed=0
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

# Generated histories of several seeds and sizes, in both formats: a property test of the
# round trips over what the generator produces (partial and qualified dates, offices, lineage).
graphs=(graphs/*/)
for spec in "gv 60 100 7" "gv 25 40 23" "jsonl 150 250 11" "jsonl 40 90 31"; do
  read -r format orgs people seed <<<"$spec"
  file="$tmp/generated_$seed.$format"
  "$orgraph" generate --orgs "$orgs" --people "$people" --seed "$seed" -o "$file" ||
    fail "generate $file"
  graphs+=("$file")
done
for graph in "${graphs[@]}"; do
  graph=${graph%/}
  name=$(basename "$graph")
  w="$tmp/$name.d"
  mkdir -p "$w"
  ok=1
  "$orgraph" export "$graph" --to json -o "$w/a.json" || { fail "$name: export json"; continue; }
  # JSON
  "$orgraph" import "$w/a.json" --from json -o "$w/b.json" &&
    "$orgraph" export "$w/b.json" --to json -o "$w/c.json" &&
    cmp -s "$w/a.json" "$w/c.json" || { fail "$name: JSON round trip differs"; ok=0; }
  "$orgraph" import "$w/a.json" --from json -o "$w/b.gv" &&
    "$orgraph" export "$w/b.gv" --to json | cmp -s - "$w/a.json" ||
    { fail "$name: JSON -> .gv -> JSON differs"; ok=0; }
  # DOT
  "$orgraph" export "$graph" --to dot -o "$w/d.gv" &&
    "$orgraph" check --strict "$w/d.gv" >/dev/null &&
    "$orgraph" export "$w/d.gv" --to json | cmp -s - "$w/a.json" ||
    { fail "$name: DOT export does not reload to the same JSON"; ok=0; }
  "$orgraph" export "$w/d.gv" --to dot | cmp -s - "$w/d.gv" || { fail "$name: DOT not canonical"; ok=0; }
  # CSV: with a byte order mark and without; graph.csv carries the graph's name and attributes.
  "$orgraph" export "$graph" --to csv --bom -o "$w/csv" &&
    "$orgraph" import "$w/csv" --from csv -o "$w/e.json" &&
    cmp -s "$w/a.json" "$w/e.json" || { fail "$name: CSV round trip differs"; ok=0; }
  "$orgraph" export "$w/e.json" --to csv -o "$w/csv2" &&
    "$orgraph" import "$w/csv2" --from csv -o "$w/f.json" &&
    cmp -s "$w/a.json" "$w/f.json" || { fail "$name: CSV without BOM round trip differs"; ok=0; }
  for table in entities relations graph; do
    tail -c +4 "$w/csv/$table.csv" | cmp -s - "$w/csv2/$table.csv" ||
      { fail "$name: $table.csv not stable"; ok=0; }
  done
  if [ $ok = 1 ]; then passed=$((passed + 1)); echo "ok $name"; fi
done
# Nothing but the outputs: no temporary files left beside them.
if ls "$tmp"/*.d/*.tmp* >/dev/null 2>&1; then fail "temporary files left behind"; fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" = ${#graphs[@]} ]
