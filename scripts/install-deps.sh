#!/usr/bin/env bash
# Installs the Debian 12 packages orgraph needs to build and test (only those missing).
# Usage: scripts/install-deps.sh [--test] [--fuzz]   (--test adds what the test suite needs,
# --fuzz clang and libFuzzer for scripts/fuzz.sh)
set -euo pipefail
packages=(cmake g++ make pkg-config libboost-graph-dev libgraphviz-dev graphviz libfmt-dev
          libcli11-dev nlohmann-json3-dev libicu-dev fonts-noto-core doctest-dev)
for option in "$@"; do
  case $option in
    --test) packages+=(python3 clang-format git python3-networkx python3-igraph libxml2-utils
                  python3-scipy) ;;  # scipy: networkx's pagerank needs it
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
  esac
done
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
