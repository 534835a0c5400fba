#!/usr/bin/env bash
# Query benchmark: orgraph against SQLite (in-memory, indexed) on the same generated histories.
#
#   bench/run_query_bench.sh BUILD_DIR [SIZES]
#
# BUILD_DIR is a build with ORGRAPH_BUILD_BENCH=ON (the release preset: build/release). SIZES is
# a list of relation counts (default "10000 1000000 10000000"). For each size, query_bench
# generates a history (orgraph::generate, JSON lines, fixed seed) into a temporary directory,
# times orgraph::load and SQLite's load of the same file, then asks both sides the same random
# questions (snapshot at a day, members and roles of an org at a day, lineage of an org), checks
# every answer equal on both sides and prints the latencies; at the end this script prints one
# table for all sizes and the project's targets, met or not. The 10M size takes a while (about
# half an hour on 2 cores) and about 8 GiB of memory.
# Environment: SEED (default 1), QUERIES (default 200 per question), LOAD_RUNS (default 3 below
# 2M relations, else 1; best of), BTREE_QUERIES (dates for SQLite's B-tree snapshot, default
# QUERIES), KEEP=1 to keep the generated files (their directory is printed), RESULTS=FILE to
# keep the "result" records.
set -euo pipefail

die() { echo "run_query_bench.sh: $*" >&2; exit 1; }

[[ $# -ge 1 && $# -le 2 ]] || die "usage: bench/run_query_bench.sh BUILD_DIR [SIZES]"
build=$1
sizes=${2:-"10000 1000000 10000000"}
seed=${SEED:-1}
queries=${QUERIES:-200}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

bench=$build/bench/query_bench
[[ -x $bench ]] || die "$bench is missing: build with the release preset" \
                       "(cmake --preset release && cmake --build build/release -j2)"
for n in $sizes; do
  [[ $n =~ ^[0-9]+$ ]] || die "SIZES must be numbers, got '$n'"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/orgraph-query-bench.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then
  echo "keeping $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
commit=$(git -C "$here/.." rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$here/.." status --porcelain 2>/dev/null | grep -c . || true)
echo "orgraph query benchmark: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(uname -srm), $(nproc) cores" \
     "($cpu), $mem, commit $commit$([[ $dirty != 0 ]] && echo " + $dirty changed files")"
echo "sizes: $sizes; seed $seed; $queries questions each; load average $(cut -d' ' -f1-3 /proc/loadavg)"

results=$tmp/results
: >"$results"
for n in $sizes; do
  runs=${LOAD_RUNS:-$([[ $n -lt 2000000 ]] && echo 3 || echo 1)}
  args=(--relations "$n" --seed "$seed" --queries "$queries" --load-runs "$runs" --dir "$tmp/$n")
  [[ -n ${BTREE_QUERIES:-} ]] && args+=(--btree-queries "$BTREE_QUERIES")
  [[ ${KEEP:-0} == 1 ]] && args+=(--keep)
  echo
  echo "== $n relations: query_bench ${args[*]}"
  if ! "$bench" "${args[@]}" >"$tmp/out_$n" 2>"$tmp/err_$n"; then
    cat "$tmp/out_$n" "$tmp/err_$n" >&2
    die "query_bench failed for $n relations (see above)"
  fi
  grep -v '^result ' "$tmp/out_$n"
  [[ -s $tmp/err_$n ]] && cat "$tmp/err_$n" >&2
  grep '^result ' "$tmp/out_$n" >>"$results"
done

# One table for every size, from the "result key=value …" records.
echo
echo "== summary (times are per question, medians and p95 over $queries random questions;"
echo "   ratio = SQLite median / orgraph median, above 1 means orgraph is faster)"
awk '
function v(key,   i, kv) {
  for (i = 2; i <= NF; ++i) { split($i, kv, "="); if (kv[1] == key) return kv[2] }
  return ""
}
BEGIN { hdr = "%-9s %-15s %12s %12s %12s %12s %7s %11s\n" }
v("orgraph_load_s") != "" {
  n = v("relations")
  sizes[++count] = n
  printf "\n%s relations, %s entities (%s orgs), file %.0f MB\n", n, v("entities"), v("orgs"), v("file_bytes") / 1e6
  printf "  load: orgraph %.3f s, SQLite+R*Tree %.3f s (ratio %.2f), SQLite+B-tree %.3f s\n", v("orgraph_load_s"), v("sqlite_load_rtree_s"), v("load_ratio"), v("sqlite_load_btree_s")
  printf "  memory per relation: orgraph %.1f bytes, SQLite+R*Tree %.1f, SQLite+B-tree %.1f\n", v("orgraph_bytes_per_relation"), v("sqlite_bytes_per_relation_rtree"), v("sqlite_bytes_per_relation_btree")
  printf "  " hdr, "size", "question", "orgraph med", "orgraph p95", "SQLite med", "SQLite p95", "ratio", "mean answer"
  bpr[n] = v("orgraph_bytes_per_relation"); orgs[n] = v("orgs")
  next
}
v("question") == "snapshot_fixed" {
  n = v("relations")
  printf "  snapshot: mean answer %s entities + %s relations; writing it alone %.3f ms; the snapshot above that: median %.3f ms, p95 %.3f ms\n", v("mean_entities"), v("mean_relations"), v("output_floor_median_ms"), v("above_output_median_ms"), v("above_output_p95_ms")
  above[n] = v("above_output_median_ms"); above95[n] = v("above_output_p95_ms")
  fixed[n] = v("index_fixed_median_ms"); fixed95[n] = v("index_fixed_p95_ms"); per_fact[n] = v("ns_per_answer")
  printf "  snapshot: the time index on a day that holds no relation (its fixed cost): median %.4f ms, p95 %.4f ms; %.1f ns per answered fact\n", fixed[n], fixed95[n], per_fact[n]
  next
}
v("question") != "" {
  n = v("relations"); q = v("question")
  printf "  " hdr, n, q, sprintf("%.4f ms", v("orgraph_median_ms")), sprintf("%.4f ms", v("orgraph_p95_ms")), sprintf("%.4f ms", v("sqlite_median_ms")), sprintf("%.4f ms", v("sqlite_p95_ms")), sprintf("%.2f", v("ratio")), v("answer_mean")
  if (q == "lineage") { lin_p95[n] = v("orgraph_p95_ms"); lin_max[n] = v("orgraph_max_ms") }
  if (q == "snapshot_rtree") { snap_med[n] = v("orgraph_median_ms"); snap_ans[n] = v("answer_mean") }
  next
}
END {
  print "\ntargets:"
  for (i = 1; i <= count; ++i) {
    n = sizes[i]
    printf "  %s relations: built memory %.1f bytes/relation (target < 100): %s\n", n, bpr[n], bpr[n] < 100 ? "met" : "NOT MET"
    printf "  %s relations: snapshot = the time index'"'"'s fixed cost, p95 %.4f ms (target < 1 ms): %s, plus %.1f ns per answered fact (the output); whole snapshot median %.3f ms for %.0f relations and their entities\n", n, fixed95[n], fixed95[n] < 1 ? "met" : "NOT MET", per_fact[n], snap_med[n], snap_ans[n]
    printf "  %s relations: the snapshot above copying its answer into fresh vectors: median %.3f ms, p95 %.3f ms\n", n, above[n], above95[n]
    if (orgs[n] >= 1000000)
      printf "  %s relations (%s orgs): lineage p95 %.3f ms, max %.3f ms (target < 10 ms): %s\n", n, orgs[n], lin_p95[n], lin_max[n], lin_max[n] < 10 ? "met" : (lin_p95[n] < 10 ? "met at p95, not at max" : "NOT MET")
  }
}' "$results"

[[ -n ${RESULTS:-} ]] && cp "$results" "$RESULTS"
mismatches=$(awk '/mismatches=/ { for (i = 2; i <= NF; ++i) if ($i ~ /^mismatches=/) { split($i, kv, "="); s += kv[2] } } END { print s + 0 }' "$results")
[[ $mismatches == 0 ]] || die "$mismatches answers differed between orgraph and SQLite"
echo "every answer was equal on both sides"
