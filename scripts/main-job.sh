#!/usr/bin/env bash
# The main job on the shipped graph: installs missing Debian packages, builds a release
# orgraph, validates the graph, looks entities up by Arabic and English names and lists the
# offices held in the Revolutionary Movement Office with their holders and dates.
# Usage: scripts/main-job.sh [GRAPH]   (default: graphs/syria)
set -euo pipefail
cd "$(dirname "$0")/.."
graph=${1:-graphs/syria}
scripts/install-deps.sh
cmake --preset release -DORGRAPH_BUILD_TESTS=OFF -DORGRAPH_BUILD_EXAMPLES=OFF >/dev/null
cmake --build --preset release -j"$(nproc)" --target orgraph_app
orgraph=build/release/apps/orgraph
mkdir -p out

echo "== orgraph check $graph"
"$orgraph" check "$graph"
echo
echo "== orgraph find $graph 'المجلس الوطني'"
"$orgraph" find "$graph" "المجلس الوطني"
echo
echo "== orgraph find $graph 'Revolutionary Movement Office' --relations   (who held which role)"
"$orgraph" find "$graph" "Revolutionary Movement Office" --relations --limit 1
"$orgraph" find "$graph" "Revolutionary Movement Office" --relations --limit 1 --format json \
  >out/revolutionary_movement_office.json
echo
echo "== orgraph date 2011-10-02/ 2016~ 2019-04-2X"
"$orgraph" date 2011-10-02/ 2016~ 2019-04-2X
echo
echo "wrote out/revolutionary_movement_office.json"
