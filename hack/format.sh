#!/usr/bin/env bash
# Format every C++ source git tracks with clang-format and .clang-format; with --check, change
# nothing and exit 1 listing the files that are not formatted (CTest format_check runs that).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
# Exit 77 (CTest: skipped, with the reason) when the check cannot be made here.
command -v clang-format >/dev/null || { echo "format: skipped: no clang-format (hack/install-deps.sh installs it)"; exit 77; }
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "format: skipped: not a git checkout"; exit 77; }
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' | grep -v '^tests/workspaces/')
if [[ $mode == --check ]]; then
  unformatted=()
  for file in "${files[@]}"; do
    if ! clang-format --style=file "$file" | cmp -s - "$file"; then
      unformatted+=("$file")
    fi
  done
  if ((${#unformatted[@]})); then
    printf '%s: not formatted (run hack/format.sh)\n' "${unformatted[@]}"
    exit 1
  fi
  echo "format: ${#files[@]} files formatted"
  exit 0
fi
clang-format --style=file -i "${files[@]}"
