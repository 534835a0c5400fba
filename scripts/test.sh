#!/usr/bin/env bash
# Runs every test: installs missing Debian packages, builds the dev preset (debug, tests and
# examples) and runs ctest. Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"
ctest --preset dev -j"$(nproc)"
