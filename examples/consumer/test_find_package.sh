#!/usr/bin/env bash
# Installs the built orgraph into a temporary prefix, then configures, builds and runs the
# consumer project against it with find_package(orgraph).
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
  -DCMAKE_EXE_LINKER_FLAGS="$linker_flags" >/dev/null
cmake --build "$work/build" -j2 >/dev/null
"$work/build/consumer" "$source/graphs/examples" | tee "$work/out"
grep -q "^16 entities, 23 relations; 2016~ reads as 2015-01-01 … 2017-12-31$" "$work/out"
