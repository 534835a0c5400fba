#!/usr/bin/env bash
# Installs the built orgraph into a temporary prefix and builds a program against it with
# pkg-config alone (no CMake): examples/consumer/main.cpp, linked statically against orgraph
# and its private dependencies (pkg-config --static), then runs it.
# Usage: pkg_config.sh BUILD_DIR SOURCE_DIR [CXX [CXX_FLAGS [LINKER_FLAGS]]]
set -euo pipefail
build=$1
source=$2
cxx=${3:-c++}
cxx_flags=${4:-}
linker_flags=${5:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
pc=$(find "$work/prefix" -name orgraph.pc)
test -n "$pc" || { echo "FAIL: orgraph.pc not installed"; exit 1; }
export PKG_CONFIG_PATH="$(dirname "$pc")${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
pkg-config --validate orgraph
test "$(pkg-config --modversion orgraph)" = "$(sed -n 's/^Version: //p' "$pc")"
# The prefix is found relative to the .pc file, wherever the installation went.
pkg-config --cflags orgraph | grep -q -- "-I$work/prefix/"
# shellcheck disable=SC2046,SC2086
"$cxx" -std=c++20 $cxx_flags "$source/examples/consumer/main.cpp" -o "$work/consumer" \
  $(pkg-config --cflags orgraph) $linker_flags $(pkg-config --static --libs orgraph)
"$work/consumer" "$source/graphs/examples" | tee "$work/out"
grep -q "^16 entities, 23 relations; 2016~ reads as 2015-01-01 … 2017-12-31$" "$work/out"
