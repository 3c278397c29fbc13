#!/usr/bin/env bash
# Compares what two builds of cargo-recipe print for the same inputs, byte for byte: `plan --format
# json` and `generate -o -` of every workspace in tests/workspaces (from metadata saved once, and
# `generate` once more running its own `cargo metadata`), and of every guppy fixture in
# tests/fixtures/guppy (valid or not: stdout, stderr and exit status are all compared).
# Usage: hack/compare-outputs.sh BEFORE_BIN AFTER_BIN
# Exit 0 when every output is identical, 1 when one differs (the differing cases are listed).
set -euo pipefail
(($# == 2)) || { echo "usage: hack/compare-outputs.sh BEFORE_BIN AFTER_BIN" >&2; exit 2; }
before="$(realpath "$1")"
after="$(realpath "$2")"
cd "$(dirname "$0")/.."
root="$PWD"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# One toolchain file, so that neither binary asks a rustc (and both see the same one).
printf 'rustc_vv = """\n%s\n"""\ncfg = """\n%s\n"""\n' "$(rustc -vV)" "$(rustc --print cfg)" >"$tmp/toolchain.toml"

cases=0
differing=()
# compare NAME DIR ARGS...: run both binaries in DIR with ARGS, keep stdout, stderr and status.
compare() {
  local name="$1" dir="$2"
  shift 2
  local side bin
  for side in before after; do
    bin="$before"
    [[ "$side" == after ]] && bin="$after"
    local status=0
    (cd "$dir" && "$bin" "$@" >"$tmp/$side.out" 2>"$tmp/$side.err") || status=$?
    echo "$status" >"$tmp/$side.status"
  done
  cases=$((cases + 1))
  if ! cmp -s "$tmp/before.out" "$tmp/after.out" || ! cmp -s "$tmp/before.err" "$tmp/after.err" ||
     ! cmp -s "$tmp/before.status" "$tmp/after.status"; then
    differing+=("$name")
    diff <(cat "$tmp/before.status" "$tmp/before.err") <(cat "$tmp/after.status" "$tmp/after.err") | head -5 >&2 || true
  fi
}

for ws in "$root"/tests/workspaces/*/; do
  ws="${ws%/}"
  name="$(basename "$ws")"
  [[ -f "$ws/Cargo.toml" ]] || continue
  # The metadata cargo would give, saved once so that both binaries read the same bytes.
  if ! (cd "$ws" && cargo metadata --format-version 1 --offline --locked >"$tmp/$name.json" 2>/dev/null); then
    echo "skipped workspace $name: cargo metadata fails offline (run hack/install-crates.sh)" >&2
    continue
  fi
  inputs=(--metadata "$tmp/$name.json" --toolchain "$tmp/toolchain.toml")
  compare "plan:$name" "$ws" plan --format json "${inputs[@]}"
  compare "generate:$name" "$ws" generate -o - "${inputs[@]}"
  compare "generate-own-metadata:$name" "$ws" generate -o - --offline --locked --toolchain "$tmp/toolchain.toml"
done

while IFS= read -r fixture; do
  name="guppy:${fixture#"$root"/tests/fixtures/guppy/}"
  inputs=(--metadata "$fixture" --toolchain "$tmp/toolchain.toml")
  compare "plan:$name" "$tmp" plan --format json "${inputs[@]}"
  compare "generate:$name" "$tmp" generate -o - "${inputs[@]}"
done < <(find "$root/tests/fixtures/guppy" -name '*.json' | LC_ALL=C sort)

if ((${#differing[@]})); then
  printf 'differs: %s\n' "${differing[@]}"
  echo "${#differing[@]} of $cases outputs differ"
  exit 1
fi
echo "all $cases outputs identical"
