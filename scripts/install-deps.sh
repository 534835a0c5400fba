#!/usr/bin/env bash
# Installs the Debian 12 packages orgraph needs to build and test (only those missing).
# Usage: scripts/install-deps.sh [--test]   (--test adds what the test suite needs)
set -euo pipefail
packages=(cmake g++ make pkg-config libboost-graph-dev libgraphviz-dev graphviz libfmt-dev
          libcli11-dev nlohmann-json3-dev libicu-dev fonts-noto-core doctest-dev)
if [ "${1:-}" = "--test" ]; then
  packages+=(python3 clang-format git)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
