#!/usr/bin/env bash
# Fuzzes orgraph's input readers with libFuzzer: builds the fuzz preset (clang, address and
# undefined-behaviour sanitizers) and runs each target for SECONDS (default 60), starting from
# seeds (the graphs, the bad-input and hostile corpora, tests/fuzz/seeds/) and the regression
# corpus; the corpus grown by earlier runs is kept in build/fuzz/corpus/TARGET/. Prints each
# target's executions, speed and coverage. A crash leaves its input in build/fuzz/crashes/TARGET/
# and the script fails: fix it, then add the input to tests/fuzz/regressions/TARGET/ (replayed by
# ctest in every build).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   (targets: date dot jsonl json popolo csv; default all)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift $(($# > 0 ? 1 : 0))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(date dot jsonl json popolo csv); fi
scripts/install-deps.sh --fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"

seed_target() {  # target seed_dir: the starting inputs, one a file
  local target=$1 seeds=$2 i=0
  rm -rf "$seeds"
  mkdir -p "$seeds"
  case $target in
    date)
      { grep -v '^#' tests/fuzz/seeds/date.txt; cut -f1 tests/data/edtf_published_bounds.tsv; } |
        while IFS= read -r line; do
          [ -n "$line" ] && printf '%s' "$line" >"$seeds/$((i += 1))"
        done
      ;;
    dot) cp graphs/*/*.gv tests/bad/*.gv tests/hostile/*.gv "$seeds/" ;;
    jsonl) cp tests/fuzz/seeds/jsonl/*.jsonl tests/bad/*.jsonl "$seeds/" ;;
    json) cp tests/fuzz/seeds/json/*.json "$seeds/" ;;
    popolo) cp tests/fuzz/seeds/popolo/*.json tests/data/popolo/*.json "$seeds/" ;;
    csv) cp tests/fuzz/seeds/csv/* "$seeds/" ;;
  esac
}

failed=()
summary=()
for target in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$target
  seeds=build/fuzz/seeds/$target
  crashes=build/fuzz/crashes/$target
  log=build/fuzz/$target.log
  mkdir -p "$corpus" "$crashes"
  seed_target "$target" "$seeds"
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
           -artifact_prefix="$crashes/" -dict="tests/fuzz/${target/popolo/json}.dict")
  case $target in
    date) options+=(-max_len=64) ;;
    popolo) options+=(-max_len=65536) ;;
    *) options+=(-max_len=8192) ;;
  esac
  echo "== fuzz_$target for $seconds s"
  status=0
  build/fuzz/tests/fuzz/fuzz_"$target" "${options[@]}" "$corpus" "$seeds" \
    "tests/fuzz/regressions/$target" >"$log" 2>&1 || status=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  summary+=("$(printf '%-6s %10s executions %7s exec/s  %s' "$target" "${executions:-?}" \
    "${speed:-?}" "$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[^ ]+' <<<"$last")")")
  if [ "$status" != 0 ]; then
    failed+=("$target")
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5
  fi
done
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "crashes in: ${failed[*]} (inputs in build/fuzz/crashes/, logs in build/fuzz/*.log)"
  exit 1
fi
