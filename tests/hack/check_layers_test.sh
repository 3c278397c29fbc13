#!/usr/bin/env bash
# hack/check-layers.py passes on the tree as it is, and fails, naming the file, line and include,
# when a lower layer includes a higher one (a copy of the tree with one upward include added).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$top/hack/check-layers.py" "$top"

cp -r "$top/generator" "$top/audit" "$top/cli" "$work/"
victim=$work/generator/plan/features.cpp
sed -i '1a #include "generator/pipeline/generate.hpp"' "$victim"
if python3 "$top/hack/check-layers.py" "$work" >"$work/out" 2>&1; then
  echo "FAIL: an include of generator/pipeline from generator/plan was not refused"
  exit 1
fi
grep -qxF 'generator/plan/features.cpp:2: includes generator/pipeline/generate.hpp, a higher layer (see hack/check-layers.py)' "$work/out" || {
  echo "FAIL: unexpected report:"; cat "$work/out"; exit 1
}
# A folder the layer list does not know is reported too, so new folders get placed.
mkdir "$work/generator/newfolder" && touch "$work/generator/newfolder/x.cpp"
sed -i '2d' "$victim"
if python3 "$top/hack/check-layers.py" "$work" >"$work/out" 2>&1; then
  echo "FAIL: a folder in no layer was not reported"
  exit 1
fi
grep -q '^generator/newfolder/x.cpp:0: ' "$work/out"
echo "check_layers: 1 passed, 0 failed"
