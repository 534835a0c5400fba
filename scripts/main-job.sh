#!/usr/bin/env bash
# The main job on the shipped graph: installs missing Debian packages, builds a release orgraph,
# validates the Syrian graph and asks it what its articles answer — who held which office in the
# Revolutionary Movement Office, who was in the Syrian National Council in September 2011, where
# the Ansar al-Thawra Gathering came from, who controlled what when Homs fell — writing the JSON
# answers into out/, and draws the lineage diagram, a snapshot and an office table there.
# Usage: scripts/main-job.sh [GRAPH]   (default: graphs/syria)
set -euo pipefail
cd "$(dirname "$0")/.."
graph=${1:-graphs/syria}
scripts/install-deps.sh
cmake --preset release -DORGRAPH_BUILD_TESTS=OFF -DORGRAPH_BUILD_EXAMPLES=OFF >/dev/null
cmake --build --preset release -j"$(nproc)" --target orgraph_app
orgraph=build/release/apps/orgraph
mkdir -p out

ask() {  # title, then the orgraph arguments after the command word and graph
  local title=$1 name=$2 command=$3
  shift 3
  printf '\n== %s\n$ orgraph %s %s %s\n' "$title" "$command" "$graph" "$*"
  "$orgraph" "$command" "$graph" "$@"
  "$orgraph" "$command" "$graph" "$@" --format json >"out/$name.json"
}

printf '== orgraph check %s\n' "$graph"
"$orgraph" check "$graph"
ask "find a body by its Arabic name" find find "المجلس الوطني"
ask "who held which office in the Revolutionary Movement Office" roles roles \
  --org "مكتب الحراك الثوري"
ask "members of the Syrian National Council in September 2011" members members \
  "Syrian National Council" --at 2011-09
ask "where the Ansar al-Thawra Gathering came from" lineage lineage "أنصار الثورة" --up
ask "who controlled what on the day Homs fell" snapshot snapshot --at 2024-12-08 \
  --rel controls --connected
printf '\n== diagrams (Graphviz, in-process)\n'
"$orgraph" render "$graph" --view lineage -o out/lineage.svg
"$orgraph" render "$graph" --view lineage -o out/lineage.png
"$orgraph" render "$graph" --view snapshot --at 2012-06 --connected -o out/snapshot-2012-06.svg
"$orgraph" render "$graph" --view roles --focus "مكتب الحراك الثوري" -o out/roles-hirak-office.svg
printf '\nwrote to out/: the JSON answers (find roles members lineage snapshot) and the diagrams\n'
printf '(lineage.svg, lineage.png, snapshot-2012-06.svg, roles-hirak-office.svg)\n'
