#!/usr/bin/env bash
# Fails when a C or C++ file of the project is not formatted as .clang-format says.
# Usage: format_check.sh PROJECT_DIR
set -euo pipefail
cd "$1"
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.c' '*.h' 2>/dev/null || find lib apps tests examples bench -name '*.[ch]pp' -o -name '*.[ch]')
clang-format --dry-run --Werror "${files[@]}"
echo "${#files[@]} files formatted"
