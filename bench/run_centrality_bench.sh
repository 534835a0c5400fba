#!/usr/bin/env bash
# Centrality benchmark: orgraph against igraph (C core) and networkx on the same edge lists, in
# one run, as ratios of whole-process wall time (each program started from the shell, reading
# the edge list, computing, exiting).
#
#   bench/run_centrality_bench.sh BUILD_DIR
#
# BUILD_DIR is a Release build with ORGRAPH_BUILD_BENCH=ON. Needs /usr/bin/python3 with
# python3-igraph and python3-networkx. Steps:
#   1. exact betweenness on preferential-attachment graphs (centrality_edges.py) of SIZES
#      (default "5000:25000 20000:75000 50000:250000", vertices:edges): orgraph with 1 and 2
#      threads, igraph, and networkx on sizes up to NETWORKX_MAX vertices (default 5000); the
#      sums of the scores must agree;
#   2. approximate betweenness on APPROX (default 1000000:3000000) with --epsilon EPSILON
#      (default 0.01), 2 threads: time, samples, the error bound, the top 10 of the top 100;
#   3. a monthly series of 120 steps (2012-01 to 2021-12) on a generated history of about 100k
#      relations (orgraph generate --orgs 10000 --people 10000): the one-sweep series of
#      snapshots and of projections against one snapshot and one projection.
# Environment: SEED (default 1), KEEP=1 keeps the files, SKIP="exact approx series" skips steps.
set -euo pipefail

die() { echo "run_centrality_bench.sh: $*" >&2; exit 1; }
[[ $# -eq 1 ]] || die "usage: bench/run_centrality_bench.sh BUILD_DIR"
build=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bench=$build/bench/centrality_bench
orgraph=$build/apps/orgraph
python=${PYTHON:-/usr/bin/python3}
[[ -x $bench && -x $orgraph ]] || die "build $build with -DCMAKE_BUILD_TYPE=Release -DORGRAPH_BUILD_BENCH=ON"
"$python" -c "import igraph, networkx" || die "$python needs python3-igraph and python3-networkx"
seed=${SEED:-1}
sizes=${SIZES:-"5000:25000 20000:75000 50000:250000"}
networkx_max=${NETWORKX_MAX:-5000}
approx=${APPROX:-1000000:3000000}
epsilon=${EPSILON:-0.01}
skip=${SKIP:-}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/orgraph-centrality-bench.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then echo "keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi

# a / b (or, with three arguments, a − c): awk, so that bc is not needed.
div() {
  if [[ $# -eq 3 ]]; then awk -v a="$1" -v c="$3" 'BEGIN { printf "%.6f", a - c }'; return; fi
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", a / b }'
}

# Runs a command, prints its output, and stores its wall time in $wall and output in $out.
timed() {
  local start end
  start=$(date +%s.%N)
  out=$("$@")
  end=$(date +%s.%N)
  wall=$(div "$end" 1 "$start")
  printf '%s\n' "$out" | sed 's/^/    /'
  printf '    wall_seconds=%.3f\n' "$wall"
}
field() { printf '%s\n' "$out" | tr ' ' '\n' | sed -n "s/^$1=//p" | head -1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "commit: $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
summary=()

if [[ " $skip " != *" exact "* ]]; then
  for size in $sizes; do
    n=${size%%:*}; m=${size##*:}
    edges=$tmp/edges_${n}_${m}.txt
    "$python" "$here/centrality_edges.py" "$n" "$m" "$seed" "$edges"
    echo "== exact betweenness, $n vertices, $m edges"
    echo "  orgraph, 1 thread";  timed "$bench" exact "$edges" --threads 1; t1=$wall; c1=$(field checksum)
    echo "  orgraph, 2 threads"; timed "$bench" exact "$edges" --threads 2; t2=$wall; c2=$(field checksum)
    echo "  igraph";             timed "$python" "$here/centrality_reference.py" igraph "$edges"; ti=$wall; ci=$(field checksum)
    tn=""
    if (( n <= networkx_max )); then
      echo "  networkx";         timed "$python" "$here/centrality_reference.py" networkx "$edges"; tn=$wall; cn=$(field checksum)
      "$python" -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); sys.exit(abs(a-b)>1e-9*abs(b))" "$c2" "$cn" \
        || die "checksums differ: orgraph $c2, networkx $cn"
    fi
    for c in "$c1" "$c2"; do
      "$python" -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); sys.exit(abs(a-b)>1e-9*abs(b))" "$c" "$ci" \
        || die "checksums differ: orgraph $c, igraph $ci"
    done
    line=$(printf '%s/%s: orgraph 1 thread %.2f s, 2 threads %.2f s, igraph %.2f s -> igraph/orgraph(1) %.2f, igraph/orgraph(2) %.2f' \
           "$n" "$m" "$t1" "$t2" "$ti" "$(div "$ti" "$t1")" "$(div "$ti" "$t2")")
    if [[ -n $tn ]]; then
      line+=$(printf ', networkx %.1f s -> networkx/orgraph(2) %.0f' "$tn" "$(div "$tn" "$t2")")
    fi
    summary+=("$line")
  done
fi

if [[ " $skip " != *" approx "* ]]; then
  n=${approx%%:*}; m=${approx##*:}
  edges=$tmp/edges_${n}_${m}.txt
  "$python" "$here/centrality_edges.py" "$n" "$m" "$seed" "$edges"
  echo "== approximate betweenness, $n vertices, $m edges, epsilon $epsilon"
  timed "$bench" approx "$edges" --threads 2 --epsilon "$epsilon" --top 100
  summary+=("$(printf 'approx %s/%s: %.1f s whole process (%s s sampling), %s samples, %s bound, error +-%s (delta %s)' \
    "$n" "$m" "$wall" "$(field approx_seconds)" "$(field samples)" "$(field bound)" "$(field error)" "$(field delta)")")
fi

if [[ " $skip " != *" series "* ]]; then
  history=$tmp/history.jsonl
  "$orgraph" generate --orgs 10000 --people 10000 --seed "$seed" -o "$history"
  echo "== monthly series, 120 steps"
  timed "$bench" series "$history" 2012-01-01 2021-12-31 1m
  summary+=("series: $(printf '%s\n' "$out" | grep -o 'relations=[0-9]*' | head -1), snapshots x$(field ratio_to_one_snapshot) one snapshot, projections x$(field ratio_to_one_projection) one projection")
fi

echo
echo "summary (targets: igraph/orgraph(2) >= 2, networkx/orgraph >= 50, approx top-100 < 60 s, series < 10x one snapshot):"
for s in "${summary[@]}"; do echo "  $s"; done
