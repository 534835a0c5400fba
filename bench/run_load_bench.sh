#!/usr/bin/env bash
# Load benchmark: orgraph::load against cgraph's bare agread on the same generated DOT file.
#
#   bench/run_load_bench.sh BUILD_DIR [RELATIONS]
#
# BUILD_DIR is a build with ORGRAPH_BUILD_BENCH=ON (the release preset: build/release).
# Generates RELATIONS relations (default 100000, fixed seed) into a temporary directory, proves
# the file valid with `orgraph check`, then times both readers in this same run (best of 5 each)
# and prints a table, the ratio orgraph/agread (target < 2.00) and the graph's bytes per relation.
# Environment: SEED (default 1), RUNS (default 5), KEEP=1 to keep the generated file.
set -euo pipefail

die() { echo "run_load_bench.sh: $*" >&2; exit 1; }

[[ $# -ge 1 && $# -le 2 ]] || die "usage: bench/run_load_bench.sh BUILD_DIR [RELATIONS]"
build=$1
relations=${2:-100000}
seed=${SEED:-1}
runs=${RUNS:-5}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

orgraph=$build/apps/orgraph
agread=$build/bench/agread_bare
load=$build/bench/load_bench
for exe in "$orgraph" "$agread" "$load"; do
  [[ -x $exe ]] || die "$exe is missing: build with the release preset" \
                       "(cmake --preset release && cmake --build build/release -j2)"
done
[[ $relations =~ ^[0-9]+$ ]] || die "RELATIONS must be a number, got '$relations'"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/orgraph-bench.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then
  echo "keeping $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi
file=$tmp/history_${relations}.gv

python3 "$here/generate_dot.py" --relations "$relations" --seed "$seed" -o "$file" \
  || die "generate_dot.py failed"
bytes=$(wc -c <"$file")

# The file must be valid, or the benchmark would time an error path.
if ! check=$("$orgraph" check "$file" 2>"$tmp/check.err"); then
  cat "$tmp/check.err" >&2
  echo "$check" >&2
  die "generated file is not valid: orgraph check failed (see above)"
fi
check_warnings=$(grep -c 'warning' "$tmp/check.err" || true)

# Both timers in this same run, one after the other, each the best of $runs in-process runs.
agread_out=$("$agread" --repeat "$runs" "$file") || die "agread_bare failed"
load_out=$("$load" "$file" "$runs") || die "load_bench failed"

field() {  # field KEY LINE: the value of KEY=VALUE in LINE
  local key=$1 line=$2
  sed -n "s/.*\\b$key=\\([^ ]*\\).*/\\1/p" <<<"$line"
}
agread_s=$(field agread_seconds "$agread_out")
parse_s=$(field parse_seconds "$agread_out")
close_s=$(field close_seconds "$agread_out")
load_s=$(field orgraph_load_seconds "$load_out")
n_rel=$(field relations "$load_out")
n_ent=$(field entities "$load_out")
n_bytes=$(field bytes "$load_out")
per_rel=$(field bytes_per_relation "$load_out")
edges=$(field edges "$agread_out")
[[ $edges == "$n_rel" ]] || die "agread read $edges edges but orgraph $n_rel relations"

echo "orgraph load benchmark: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(uname -srm), $(nproc) cores"
echo "  $check"
echo "  file: $relations relations, $n_ent entities, $bytes bytes (seed $seed); best of $runs runs"
echo
printf '  %-36s %12s\n' "reader" "seconds"
printf '  %-36s %12s\n' "------------------------------------" "------------"
printf '  %-36s %12.4f\n' "cgraph agread + agclose (bare)" "$agread_s"
printf '  %-36s %12.4f\n' "  of which agread (best alone)" "$parse_s"
printf '  %-36s %12.4f\n' "  of which agclose (best alone)" "$close_s"
printf '  %-36s %12.4f\n' "orgraph::load (whole load)" "$load_s"
echo
awk -v a="$agread_s" -v o="$load_s" 'BEGIN {
  r = o / a
  printf "ratio orgraph/agread = %.2f (target < 2.00)%s\n", r, r < 2 ? "" : "  -- OVER TARGET"
}'
echo "graph bytes = $n_bytes, bytes per relation = $per_rel"
[[ $check_warnings == 0 ]] || echo "note: orgraph check reported $check_warnings warnings"
