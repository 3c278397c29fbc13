#!/usr/bin/env bash
# Benchmarks the build audit against the builds it cannot avoid, measured side by side in one run:
#   overhead:  a 3-run `cargo-recipe audit build` / (3 x one plain no-cache build exporting every
#              unit's outputs), on tests/workspaces/multi (55 units); target <= 1.1
#   hashing:   `cargo-recipe audit snapshot` (XXH3-128 + SHA-256 of every entry) on a 1 GB tar, in
#              MB/s, next to `sha256sum` of the same tar; target: faster
# Needs a Docker daemon and the base image (hack/start-dockerd.sh, hack/make-base-image.sh).
# Exit 0 when both targets are met, 1 otherwise. Usage: hack/bench-audit.sh [WORKSPACE]
set -euo pipefail
cd "$(dirname "$0")/.."
workspace=${1:-tests/workspaces/multi}
DOCKER=/usr/bin/docker
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[[ -x build/cargo-recipe ]] || hack/build.sh >/dev/null
bin=$PWD/build/cargo-recipe
registry=/usr/share/cargo/registry
now() { date +%s.%N; }

"$bin" generate --manifest-path "$workspace/Cargo.toml" --offline --locked \
  --toolchain recipes/toolchains/rust-base-bookworm.toml --sources vendor=$registry -o "$tmp/recipe.Dockerfile"

# The plain build: what `cargo-recipe build` does (stage the files the recipe copies, build with
# no cache), exporting every unit's outputs (the `outputs` stage) instead of only the binaries.
start=$(now)
"$bin" build "$tmp/recipe.Dockerfile" --context "$workspace" --vendor $registry --target outputs --no-cache \
  -o "$tmp/plain" >"$tmp/plain.log" 2>&1
plain=$(echo "$(now) - $start" | bc)

start=$(now)
"$bin" audit build "$tmp/recipe.Dockerfile" --context "$workspace" --vendor $registry --runs 3 \
  --report-json "$tmp/report.json" >"$tmp/audit.out" 2>"$tmp/audit.err" || true
audit=$(echo "$(now) - $start" | bc)
complete=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['complete'])" "$tmp/report.json")

# Hashing: a 1 GB tar of 64 files of random bytes (the page cache holds it for both readers).
mkdir "$tmp/big"
for i in $(seq -w 1 64); do head -c 16000000 /dev/urandom >"$tmp/big/part-$i.bin"; done
tar -C "$tmp" -cf "$tmp/big.tar" big && rm -rf "$tmp/big"
cat "$tmp/big.tar" >/dev/null
start=$(now); sha256sum "$tmp/big.tar" >/dev/null; sha=$(echo "$(now) - $start" | bc)
start=$(now); "$bin" audit snapshot "$tmp/big.tar" >/dev/null 2>&1; ours=$(echo "$(now) - $start" | bc)
mb=$(stat -c %s "$tmp/big.tar")

python3 - "$plain" "$audit" "$complete" "$sha" "$ours" "$mb" "$workspace" <<'PY'
import sys
plain, audit, complete, sha, ours, size, ws = sys.argv[1:]
plain, audit, sha, ours, mb = float(plain), float(audit), float(sha), float(ours), int(size) / 1e6
ratio = audit / (3 * plain)
print(f"| measure | value |\n|---|---:|")
print(f"| plain no-cache build of {ws}, all outputs exported | {plain:.1f} s |")
print(f"| audit build --runs 3 (complete: {complete}) | {audit:.1f} s |")
print(f"| sha256sum of a {mb:.0f} MB tar | {mb / sha:.0f} MB/s |")
print(f"| audit snapshot of it (XXH3-128 + SHA-256 per entry) | {mb / ours:.0f} MB/s |")
overhead_ok, hash_ok = ratio <= 1.1 and complete == "True", ours < sha
print(f"\noverhead: {audit:.1f} s / (3 x {plain:.1f} s) = {ratio:.2f} (target <= 1.1): {'PASS' if overhead_ok else 'FAIL'}")
print(f"hashing:  {mb / ours:.0f} MB/s vs sha256sum {mb / sha:.0f} MB/s = {sha / ours:.2f}x (target > 1): "
      f"{'PASS' if hash_ok else 'FAIL'}")
sys.exit(0 if overhead_ok and hash_ok else 1)
PY
