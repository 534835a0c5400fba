#!/usr/bin/env bash
# Installs the built orgraph into a temporary prefix, then configures, builds and runs the
# consumer project against it with find_package(orgraph). The consumer is configured as on a
# machine without Boost.Graph's compiled library (orgraph needs only Boost's headers); configured
# where pkg-config finds no Graphviz, find_package(orgraph) must fail naming the Debian package.
# Usage: test_find_package.sh BUILD_DIR SOURCE_DIR [CXX_FLAGS [LINKER_FLAGS]]
set -euo pipefail
build=$1
source=$2
cxx_flags=${3:-}
linker_flags=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$source/examples/consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$cxx_flags" \
  -DCMAKE_EXE_LINKER_FLAGS="$linker_flags" -DCMAKE_DISABLE_FIND_PACKAGE_boost_graph=ON >/dev/null
cmake --build "$work/build" -j2 >/dev/null
"$work/build/consumer" "$source/graphs/examples" | tee "$work/out"
grep -q "^16 entities, 23 relations; 2016~ reads as 2015-01-01 … 2017-12-31$" "$work/out"

mkdir "$work/no_pc"
if PKG_CONFIG_LIBDIR="$work/no_pc" PKG_CONFIG_PATH= cmake -S "$source/examples/consumer" \
  -B "$work/no_graphviz" -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/no_graphviz.log" 2>&1; then
  echo "FAIL find_package(orgraph) succeeded without Graphviz"
  exit 1
fi
if ! grep -q "Debian package 'libgraphviz-dev'" "$work/no_graphviz.log"; then
  echo "FAIL find_package(orgraph) without Graphviz does not name libgraphviz-dev:"
  cat "$work/no_graphviz.log"
  exit 1
fi
echo "without Graphviz: find_package(orgraph) names libgraphviz-dev"
