#!/usr/bin/env bash
# Configures examples/subdirectory, which pulls orgraph in with add_subdirectory, builds its
# consumer (and with it the library from source) and runs it.
# Usage: test_add_subdirectory.sh SOURCE_DIR
set -euo pipefail
source=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake -S "$source/examples/subdirectory" -B "$work/build" -DORGRAPH_SOURCE_DIR="$source" \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O0 >/dev/null
cmake --build "$work/build" --target consumer -j2 >/dev/null
"$work/build/consumer" "$source/graphs/examples" | tee "$work/out"
grep -q "^16 entities, 23 relations; 2016~ reads as 2015-01-01 … 2017-12-31$" "$work/out"
