#!/usr/bin/env bash
# The program in README.md's "Using the library" is examples/offices.cpp, byte for byte, so the
# listing people copy is the one that is built and run as a test.
# Usage: readme_matches.sh PROJECT_ROOT
set -eu
root=$1
listing=$(awk '/^## Using the library/ {f = 1} f && /^```cpp$/ {g = 1; next} g && /^```$/ {exit} g' \
  "$root/README.md")
if [ "$listing" != "$(cat "$root/examples/offices.cpp")" ]; then
  echo "README.md's 'Using the library' listing differs from examples/offices.cpp:"
  diff <(printf '%s\n' "$listing") "$root/examples/offices.cpp"
  exit 1
fi
echo "README listing = examples/offices.cpp ($(printf '%s\n' "$listing" | wc -l) lines)"
