#!/usr/bin/env bash
# Hostile input: files made to read other files through Graphviz, to inject markup into
# diagrams, to exhaust the stack, memory or time, to loop through symbolic links, or to double
# facts. Each case checks the exit status and the exact message; large files are made here, at
# test time, not committed. Every command runs under a time limit.
# Usage: hostile.sh ORGRAPH HOSTILE_DIR   (run from the project root)
set -u
orgraph=$1
dir=$2
root=$PWD
rel=${dir#"$root"/}
failed=0
passed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
  echo "FAIL $*"
  failed=$((failed + 1))
}

# expect NAME STATUS EXPECTED_STDERR ORGRAPH_ARGS...: runs orgraph (at most 20 s) in $tmp and
# compares its exit status and its stderr, with the $tmp and project prefixes removed, to the
# expectation (empty: no message at all).
expect() {
  local name=$1 want=$2 expected=$3
  shift 3
  local status
  (cd "$tmp" && timeout 20 "$orgraph" "$@" >"$tmp/out" 2>"$tmp/raw")
  status=$?
  sed -e "s#$tmp/##g" -e "s#$root/##g" "$tmp/raw" >"$tmp/err"
  if [ "$status" != "$want" ]; then
    fail "$name: exit $status, expected $want"
    head -c 2000 "$tmp/err"
    return 1
  fi
  if ! diff -u <(if [ -n "$expected" ]; then printf '%s\n' "$expected"; fi) "$tmp/err"; then
    fail "$name: messages differ"
    return 1
  fi
  passed=$((passed + 1))
}

# check_absent NAME FILE PATTERN: FILE must not match the extended regular expression PATTERN.
check_absent() {
  if grep -Eq "$3" "$2"; then
    fail "$1: $(basename "$2") matches '$3':"
    grep -Eo ".{0,40}($3).{0,40}" "$2" | head -3
    return 1
  fi
  passed=$((passed + 1))
}

# check_present NAME FILE FIXED_TEXT: FILE must contain FIXED_TEXT.
check_present() {
  if ! grep -Fq -- "$3" "$2"; then
    fail "$1: $(basename "$2") lacks '$3'"
    return 1
  fi
  passed=$((passed + 1))
}

# The attributes orgraph itself sets in the DOT it hands to Graphviz, plus those layout adds
# (bb, pos, lp, …): every attribute of a rendered .dot must be one of them.
allowed='^(arrowsize|bb|bgcolor|color|compound|constraint|dir|fillcolor|fontname|fontsize|head_lp|height|key|label|labelloc|lhead|lheight|lp|ltail|lwidth|margin|newrank|nodesep|outputorder|pad|penwidth|pos|rank|rankdir|ranksep|shape|style|weight|width|xlabel|xlp)$'

# Every attribute name in agwrite's layout of a DOT file: one per line, the first after "[".
attribute_names() {
  sed -nE 's/^[[:space:]]*([^[:space:]=]+[[:space:]]*\[)?([A-Za-z_]+)=.*/\2/p' "$1" | sort -u
}

# --- Graphviz attributes that read files or add links never reach Graphviz -------------------
attrs="$root/$rel/file_attributes.gv"
expect file_attributes.check 0 "$(
  cat <<EOF
$rel/file_attributes.gv: warning: graph attribute 'fontpath' is ignored; orgraph keeps title, note and lang on graphs
$rel/file_attributes.gv: warning: graph attribute 'imagepath' is ignored; orgraph keeps title, note and lang on graphs
$rel/file_attributes.gv: warning: graph attribute 'shapefile' is ignored; orgraph keeps title, note and lang on graphs
$rel/file_attributes.gv:9: warning: unknown entity attribute 'fontname' is ignored [s]; Graphviz styling is not used by orgraph
$rel/file_attributes.gv:10: warning: unknown entity attribute 'image' is ignored [a]; Graphviz styling is not used by orgraph
$rel/file_attributes.gv:10: warning: unknown entity attribute 'shapefile' is ignored [a]; Graphviz styling is not used by orgraph
$rel/file_attributes.gv:11: warning: unknown entity attribute 'URL' is ignored [b]; Graphviz styling is not used by orgraph
$rel/file_attributes.gv:11: warning: unknown entity attribute 'href' is ignored [b]; did you mean 'rel'?
$rel/file_attributes.gv:12: warning: unknown entity attribute 'label' is ignored [c]; Graphviz styling is not used by orgraph
$rel/file_attributes.gv:12: warning: unknown entity attribute 'tooltip' is ignored [c]; Graphviz styling is not used by orgraph
$rel/file_attributes.gv:14: warning: unknown relation attribute 'URL' is ignored [a -> b]; Graphviz styling is not used by orgraph
$rel/file_attributes.gv:14: warning: unknown relation attribute 'headURL' is ignored [a -> b]; Graphviz styling is not used by orgraph
$rel/file_attributes.gv:14: warning: unknown relation attribute 'labelhref' is ignored [a -> b]; Graphviz styling is not used by orgraph
$rel/file_attributes.gv:15: warning: unknown relation attribute 'edgehref' is ignored [c -> a]; Graphviz styling is not used by orgraph
EOF
)" check "$attrs"

for file in file_attributes label_injection; do
  for view in lineage snapshot ego roles; do
    args=(--view "$view" --at 2013)
    case $view in ego | roles) args+=(--focus a) ;; esac
    for format in dot svg; do
      out="$tmp/$file.$view.$format"
      if ! (cd "$tmp" && timeout 20 "$orgraph" render "$root/$rel/$file.gv" "${args[@]}" \
        -o "$out" 2>/dev/null); then
        fail "$file.$view.$format: render failed"
        continue
      fi
      case $format in
        dot)
          stray=$(attribute_names "$out" | grep -Ev "$allowed" | tr '\n' ' ')
          if [ -n "$stray" ]; then fail "$file.$view.dot: attributes not set by orgraph: $stray"; else
            passed=$((passed + 1)); fi
          # Markup from the input is escaped inside HTML-like labels, never an element.
          check_absent "$file.$view.dot" "$out" '<(IMG|img|a |A |script|TABLE><TR><TD>p)'
          ;;
        svg)
          check_absent "$file.$view.svg" "$out" \
            '<(image|a|script|foreignObject|iframe)[ >/]|xlink:href|javascript:alert\([0-9]\)"'
          ;;
      esac
    done
  done
done
# The texts are there, as text: escaped once by orgraph, shown by Graphviz as written.
svg="$tmp/label_injection.snapshot.svg"
check_present label_injection.text "$svg" '&lt;IMG SRC=&quot;/etc/passwd&quot;/&gt;'
check_present label_injection.text "$svg" ']]&gt;&lt;script&gt;alert(1)&lt;/script&gt;'
check_present label_injection.text "$svg" '&amp;#60;IMG&amp;#62; &amp;amp;'
check_present label_injection.graph_name "$svg" 'graph &lt;script&gt;alert(0)&lt;/script&gt;'
check_present label_injection.link "$svg" "B &amp; &lt;a href=&#39;javascript:alert(2)&#39;&gt;x&lt;/a&gt;"
check_present label_injection.role "$tmp/label_injection.roles.svg" '&lt;/B&gt;&lt;IMG SRC=&quot;x&quot;/&gt;'

# --- Deeply nested subgraphs: refused before parsing, with the limit named -------------------
# nested LEVELS FILE: a graph with one entity inside LEVELS nested subgraphs, one a line.
nested() {
  awk -v levels="$1" 'BEGIN {
    print "digraph deep {\n  s [kind=source title=\"t\"]"
    for (i = 0; i < levels; i++) printf "subgraph s%d {\n", i
    print "a [kind=org name=\"A\" src=s]"
    for (i = 0; i < levels; i++) printf "}"
    print "\n}" }' >"$2"
}
nested 10000 "$tmp/deep.gv"
expect deep_nesting 1 \
  "deep.gv:103: error: subgraphs nested 101 deep are over the limit of 100; raise the limit (orgraph --max-nesting, LoadOptions::max_nesting) to read it" check deep.gv
# Within a raised limit cgraph's parser gives up at its own stack limit, without a crash.
expect deep_nesting.raised 1 "deep.gv:3334: error: memory exhausted near '{'
deep.gv:3335: error: syntax error near 'subgraph'" --max-nesting 100000 check deep.gv
nested 100 "$tmp/deep_ok.gv"
expect deep_nesting.at_limit 0 "" check deep_ok.gv

# A JSON value nested 100,000 deep is an error for its line, not a stack overflow.
awk 'BEGIN { print "{\"id\":\"s\",\"kind\":\"source\",\"title\":\"t\"}"
             printf "{\"id\":\"a\",\"kind\":\"org\",\"name\":\"A\",\"src\":\"s\",\"note\":"
             for (i = 0; i < 100000; i++) printf "["
             for (i = 0; i < 100000; i++) printf "]"
             print "}" }' >"$tmp/deep.jsonl"
expect deep_nesting.jsonl 1 \
  "deep.jsonl:2: error: value of 'note' is an array; only alias and src take arrays; write \"note\" as one string" check deep.jsonl

# --- A million nodes: refused quickly by the file size limit, named in the error -------------
# (Loading it all is the separate test hostile.million_nodes.)
awk 'BEGIN { print "digraph big {\n  s [kind=source title=\"t\"]";
             for (i = 0; i < 1000000; i++) printf "  n%d [kind=place name=\"n%d\" src=s]\n", i, i;
             print "}" }' >"$tmp/million.gv"
size=$(stat -c %s "$tmp/million.gv")
expect million_nodes.limit 1 \
  "million.gv: error: file is $size bytes, over the limit of 16777216 bytes; raise LoadOptions::max_file_bytes (orgraph --max-file-bytes) for larger files" --max-file-bytes 16777216 check million.gv
rm -f "$tmp/million.gv"

# --- 10 MB tokens: refused before cgraph's lexer (quadratic in a token's length) sees them ---
ten_mb() { head -c 10485760 /dev/zero | tr '\0' "$1"; }
{ printf 'digraph big {\n  s [kind=source title="t"]\n  '; ten_mb x; printf ' [kind=org name="A" src=s]\n}\n'; } >"$tmp/name.gv"
expect huge.name 1 "name.gv:3: error: a name of 10485760 bytes is over the limit of 262144 bytes; raise the limit (orgraph --max-token-bytes, LoadOptions::max_token_bytes) to read it" check name.gv
{ printf 'digraph big {\n  s [kind=source title="t"]\n  a [kind=org name=<'; ten_mb x; printf '> src=s]\n}\n'; } >"$tmp/html.gv"
expect huge.html 1 "html.gv:3: error: a HTML string of 10485762 bytes is over the limit of 262144 bytes; raise the limit (orgraph --max-token-bytes, LoadOptions::max_token_bytes) to read it" check html.gv
{ printf 'digraph big {\n  // '; ten_mb x; printf '\n}\n'; } >"$tmp/comment.gv"
expect huge.comment 1 "comment.gv:2: error: a comment line of 10485763 bytes is over the limit of 262144 bytes; raise the limit (orgraph --max-token-bytes, LoadOptions::max_token_bytes) to read it" check comment.gv
{ printf '{"id":"s","kind":"source","title":"t"}\n{"id":"a","kind":"org","name":"'; ten_mb x; printf '","src":"s"}\n'; } >"$tmp/string.jsonl"
expect huge.jsonl 1 "string.jsonl:2: error: a string of 10485760 bytes in 'name' is over the limit of 262144 bytes; raise the limit (orgraph --max-token-bytes, LoadOptions::max_token_bytes) to read it" check string.jsonl
# …and in the importers: the lossless JSON, Popolo and CSV take the same limit.
{ printf '{"format":"orgraph","version":1,"name":"'; ten_mb x; printf '"}\n'; } >"$tmp/string.json"
expect huge.json 1 "string.json:1: error: a string of 10485760 bytes is over the limit of 262144 bytes (column 10485801); raise the limit (orgraph --max-token-bytes, LoadOptions::max_token_bytes) to read it" import string.json --from json -o out.gv
{ printf '{"persons":[{"id":"p","name":"'; ten_mb x; printf '"}]}\n'; } >"$tmp/string_popolo.json"
expect huge.popolo 1 "string_popolo.json:1: error: a string of 10485760 bytes is over the limit of 262144 bytes (column 10485791); raise the limit (orgraph --max-token-bytes, LoadOptions::max_token_bytes) to read it" import string_popolo.json --from popolo -o out.gv
mkdir -p "$tmp/csv"
printf 'id,kind,title\ns,source,t\n' >"$tmp/csv/entities.csv"
{ printf 'from,to,rel,note\ns,s,part_of,'; ten_mb x; printf '\n'; } >"$tmp/csv/relations.csv"
expect huge.csv 1 "csv/relations.csv:2: error: a field of 10485760 bytes is over the limit of 262144 bytes (column 13); raise the limit (orgraph --max-token-bytes, LoadOptions::max_token_bytes) to read it" import csv --from csv -o out.gv
awk 'BEGIN { printf "{\"persons\":[{\"id\":\"p\",\"name\":\"P\",\"links\":"
             for (i = 0; i < 100000; i++) printf "["
             for (i = 0; i < 100000; i++) printf "]"
             print "}]}" }' >"$tmp/deep_popolo.json"
expect deep_nesting.popolo 1 "deep_popolo.json:1: error: arrays and objects nested 101 deep are over the limit of 100 (column 140); raise the limit (orgraph --max-nesting, LoadOptions::max_nesting) to read it" import deep_popolo.json --from popolo -o out.gv
if [ -e "$tmp/out.gv" ]; then fail "huge: an import with an error wrote its output"; else passed=$((passed + 1)); fi
rm -rf "$tmp"/name.gv "$tmp"/html.gv "$tmp"/comment.gv "$tmp"/string.jsonl "$tmp"/string.json \
  "$tmp"/string_popolo.json "$tmp"/csv "$tmp"/deep_popolo.json

# --- Symbolic links: loops are not followed, and no file is read twice ----------------------
mkdir -p "$tmp/links"
cat >"$tmp/links/a.gv" <<'EOF'
digraph a {
  s [kind=source title="t"]
  a [kind=org name="A" src=s]
  b [kind=org name="B" src=s]
  a -> b [rel=member_of start=2012 src=s]
}
EOF
ln -s a.gv "$tmp/links/b.gv"     # the same file under a second name
ln -s . "$tmp/links/loop"        # a directory that contains itself
ln -s . "$tmp/links/self.gv"     # … and one with a graph file's name
ln -s .. "$tmp/links/up.gv"
mkfifo "$tmp/links/pipe.gv"      # reading it would block forever
expect symlinks.directory 0 "" check links
grep -Fxq "links: 3 entities, 1 relations; 0 errors, 0 warnings" "$tmp/out" &&
  passed=$((passed + 1)) || fail "symlinks.directory: $(cat "$tmp/out")"
expect symlinks.named_twice 0 "" check links/a.gv links/b.gv links links/self.gv
grep -Fq "3 entities, 1 relations" "$tmp/out" &&
  passed=$((passed + 1)) || fail "symlinks.named_twice: $(cat "$tmp/out")"
expect symlinks.fifo 1 "links/pipe.gv: error: cannot read file: not a regular file" check links/pipe.gv

# --- Output files: a symbolic link planted where a writer might put its temporary file, or the
# target itself a link, never makes orgraph write through it ----------------------------------
example="$root/graphs/examples"
for target in out.svg out.gv out.json; do
  printf 'victim\n' >"$tmp/victim_$target"
  ln -sf "victim_$target" "$tmp/$target.tmp"
done
expect outputs.render 0 "" render "$example" --view lineage --focus city_committees -o out.svg
expect outputs.generate 0 "" generate --orgs 5 --people 5 --seed 1 -o out.gv
expect outputs.export 0 "" export "$example" --to json -o out.json
for target in out.svg out.gv out.json; do
  if [ "$(cat "$tmp/victim_$target")" = victim ] && [ -f "$tmp/$target" ] && [ ! -L "$tmp/$target" ] &&
    [ -z "$(find "$tmp" -maxdepth 1 -name "$target.tmp-*")" ]; then
    passed=$((passed + 1))
  else
    fail "outputs.$target: a planted link was followed, or a temporary file was left"
  fi
done
# The target itself a link: it is replaced by the new file, and what it pointed to is kept.
printf 'victim\n' >"$tmp/victim_linked"
ln -sf victim_linked "$tmp/linked.json"
expect outputs.linked_target 0 "" export "$example" --to json -o linked.json
if [ "$(cat "$tmp/victim_linked")" = victim ] && [ ! -L "$tmp/linked.json" ]; then
  passed=$((passed + 1))
else
  fail "outputs.linked_target: the write went through the link"
fi

# --- Lineage cycles: queries and drawings terminate and name the cycle ----------------------
cycle="$root/tests/bad/warn_lineage.gv"
expect lineage_cycle.query 0 "orgraph: warning: inconsistent lineage: a cycle through b, c, d" lineage "$cycle" b --both --format json
check_present lineage_cycle.query "$tmp/out" '"cycles": ['
for view in lineage ego; do
  expect "lineage_cycle.render.$view" 0 "" render "$cycle" --view "$view" --focus b \
    -o "cycle_$view.svg"
done

# --- Inputs shaped to make the work quadratic: each done in seconds, within a minute even
# under the sanitizers (quadratic work took minutes)
# 100000 lineage cycles of two organisations each: one warning a cycle, found in one pass.
awk 'BEGIN { print "{\"id\":\"s\",\"kind\":\"source\",\"title\":\"t\"}";
             for (i = 0; i < 100000; i++) {
               printf "{\"id\":\"a%d\",\"kind\":\"org\",\"name\":\"A\",\"src\":\"s\"}\n{\"id\":\"b%d\",\"kind\":\"org\",\"name\":\"B\",\"src\":\"s\"}\n", i, i
               printf "{\"from\":\"a%d\",\"to\":\"b%d\",\"rel\":\"split_from\",\"src\":\"s\"}\n", i, i
               printf "{\"from\":\"b%d\",\"to\":\"a%d\",\"rel\":\"split_from\",\"src\":\"s\"}\n", i, i } }' \
  >"$tmp/cycles.jsonl"
(cd "$tmp" && timeout 60 "$orgraph" check cycles.jsonl >/dev/null 2>"$tmp/err")
status=$?
cycles=$(grep -c 'warning: lineage cycle through a[0-9]*, b[0-9]* \[' "$tmp/err")
if [ "$status" = 0 ] && [ "$cycles" = 100000 ]; then
  passed=$((passed + 1))
else
  fail "quadratic.lineage_cycles: exit $status, $cycles cycle warnings of 100000"
  head -3 "$tmp/err"
fi
# One cycle through 60 organisations names 20 of them and counts the rest.
awk 'BEGIN { print "digraph { s [kind=source title=t]";
             for (i = 0; i < 60; i++) printf "  o%02d [kind=org name=O src=s]\n  o%02d -> o%02d [rel=split_from src=s]\n", i, i, (i + 1) % 60
             print "}" }' >"$tmp/long_cycle.gv"
grep_cycle() { grep -o 'lineage cycle through [^[]*' "$tmp/err" | sed 's/ $//'; }
(cd "$tmp" && timeout 60 "$orgraph" check long_cycle.gv >/dev/null 2>"$tmp/err")
if [ "$(grep_cycle)" = "lineage cycle through $(seq -f 'o%02g' -s ', ' 0 19) and 40 more" ]; then
  passed=$((passed + 1))
else
  fail "quadratic.long_cycle: $(grep_cycle)"
fi
# A Popolo person with 50000 other names of distinct dates, a membership with 50000 sources.
awk 'BEGIN { printf "{\"persons\":[{\"id\":\"p\",\"name\":\"P\",\"other_names\":[";
             for (i = 0; i < 50000; i++) printf "%s{\"name\":\"n%d\",\"start_date\":\"%d\"}", (i ? "," : ""), i, 1000 + i % 9000
             printf "]}],\"organizations\":[{\"id\":\"o\",\"name\":\"O\"}],\"memberships\":[{\"person_id\":\"p\",\"organization_id\":\"o\",\"sources\":[";
             for (i = 0; i < 50000; i++) printf "%s{\"url\":\"https://example.org/%d\"}", (i ? "," : ""), i
             print "]}]}" }' >"$tmp/many_popolo.json"
(cd "$tmp" && timeout 60 "$orgraph" import many_popolo.json --from popolo -o many.gv 2>"$tmp/err")
status=$?
if [ "$status" = 0 ] && [ "$(grep -o 'src_[0-9]*' "$tmp/many.gv" | sort -u | wc -l)" = 50000 ] &&
  grep -q 'n49999' "$tmp/many.gv"; then
  passed=$((passed + 1))
else
  fail "quadratic.popolo: exit $status"
  head -3 "$tmp/err"
fi
# An organisation with 50000 aliases, each given twice: kept once each, in their order.
awk 'BEGIN { print "{\"id\":\"s\",\"kind\":\"source\",\"title\":\"t\"}";
             printf "{\"id\":\"x\",\"kind\":\"org\",\"name\":\"X\",\"src\":\"s\",\"alias\":[";
             for (i = 0; i < 100000; i++) printf "%s\"a%d\"", (i ? "," : ""), i % 50000
             print "]}" }' >"$tmp/aliases.jsonl"
(cd "$tmp" && timeout 60 "$orgraph" export aliases.jsonl --to json -o aliases.json 2>"$tmp/err")
status=$?
kept=$(grep -o '"a[0-9]*"' "$tmp/aliases.json" | tr -d '"' | paste -sd' ')
if [ "$status" = 0 ] && [ "$kept" = "$(seq -f 'a%g' -s ' ' 0 49999)" ]; then
  passed=$((passed + 1))
else
  fail "quadratic.aliases: exit $status, $(wc -w <<<"$kept") aliases kept of 50000"
  head -3 "$tmp/err"
fi
rm -f "$tmp/cycles.jsonl" "$tmp/many_popolo.json" "$tmp/many.gv" "$tmp/aliases.jsonl" "$tmp/aliases.json"

# --- Dates far outside the calendar ---------------------------------------------------------
expect dates.out_of_range 1 \
  "orgraph: error: invalid date '99999-99-99' at position 4: expected '-', '?', '~', '%', '/' or end of date (a year of more than four digits is written with 'Y': Y99999)" \
  date 99999-99-99
expect dates.too_many_digits 1 \
  "orgraph: error: invalid date 'Y99999999999999' at position 13: expected at most twelve digits after 'Y'" \
  date Y99999999999999

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
