#!/usr/bin/env bash
# Installs the built orgraph into a temporary prefix, then configures, builds and runs the
# consumer project against it with find_package(orgraph).
# Usage: test_find_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$source/examples/consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" -j2 >/dev/null
"$work/build/consumer" "$source/graphs/examples" | tee "$work/out"
grep -q "^16 entities, 23 relations; 2016~ reads as 2015-01-01 … 2017-12-31$" "$work/out"
