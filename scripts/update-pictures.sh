#!/usr/bin/env bash
# Renders the README's pictures with orgraph itself: the lineage of every organisation in the
# graph and a snapshot at a date, as PNGs under docs/. Run it after changing the graph or the
# renderer, then commit the PNGs that changed (rendering is deterministic: unchanged input gives
# unchanged bytes, so git shows only real changes).
#
# Usage: scripts/update-pictures.sh [GRAPH [DATE]]
#   GRAPH  a graph directory or file (default: graphs/syria when it has .gv files, else
#          graphs/examples)
#   DATE   the snapshot's date, EDTF (default: 2012-06, when the Syrian National Council, its
#          Revolutionary Movement Office and the Joint Action Committee all stood)
# Environment: ORGRAPH=path/to/orgraph to use that binary; by default the release build of the
# app is brought up to date first (build/release, like scripts/main-job.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

graph=${1:-}
if [ -z "$graph" ]; then
  if compgen -G "graphs/syria/*.gv" >/dev/null; then graph=graphs/syria; else graph=graphs/examples; fi
fi
date=${2:-2012-06}

orgraph=${ORGRAPH:-}
if [ -z "$orgraph" ]; then  # build the current sources (incremental), as scripts/main-job.sh does
  scripts/install-deps.sh
  cmake --preset release -DORGRAPH_BUILD_TESTS=OFF -DORGRAPH_BUILD_EXAMPLES=OFF >/dev/null
  cmake --build --preset release -j"$(nproc)" --target orgraph_app >/dev/null
  orgraph=build/release/apps/orgraph
fi

"$orgraph" render --help >/dev/null 2>&1 || {
  echo "update-pictures.sh: $orgraph has no render command" >&2
  exit 1
}
mkdir -p docs
"$orgraph" render "$graph" --view lineage -o docs/lineage.png
"$orgraph" render "$graph" --view snapshot --at "$date" --connected -o docs/snapshot.png
for f in docs/lineage.png docs/snapshot.png; do
  printf '%s  %s bytes\n' "$f" "$(wc -c <"$f")"
done
printf 'from %s (snapshot at %s)\n' "$graph" "$date"
