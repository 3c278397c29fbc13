#!/usr/bin/env bash
# Benchmarks `cargo-recipe generate` end to end against the `cargo metadata` call inside it, and
# the peak memory of planning the largest fixture.
#   speed:  `cargo-recipe generate` of tests/workspaces/large (161 packages), running its own
#           `cargo metadata` and asking the local rustc for the toolchain, / `cargo metadata` of
#           it alone: target <= 1.2
#   memory: peak RSS of `plan --format json` of the libra fixture (606 packages): target < 100 MB
# Exit 0 when both targets are met, 1 otherwise. Usage: hack/bench-generate.sh [RUNS] (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
# hyperfine needs two runs for a standard deviation (and takes 0 as "until stopped").
[[ "$runs" =~ ^[0-9]+$ ]] && ((runs >= 2)) || { echo "usage: hack/bench-generate.sh [RUNS >= 2] (got '$runs')" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Tools: hyperfine for wall time, GNU time for peak RSS; installed only when missing, quietly
# (apt's log is shown only if it fails, so the output stays just the results).
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[[ -x /usr/bin/time ]] || need+=(time)
if ((${#need[@]})); then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends "${need[@]}"; } >"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log" >&2; exit 1; }
fi
[[ -x build/cargo-recipe ]] || hack/build.sh >/dev/null
bin="$PWD/build/cargo-recipe"
ws="$PWD/tests/workspaces/large"
libra="$PWD/tests/fixtures/guppy/large/metadata_libra_9ffd93b.json"
printf 'rustc_vv = """\n%s\n"""\ncfg = """\n%s\n"""\n' "$(rustc -vV)" "$(rustc --print cfg)" >"$tmp/toolchain.toml"
# The workspace resolves only against Debian's crate sources.
(cd "$ws" && cargo metadata --format-version 1 --offline --locked >/dev/null 2>&1) || hack/install-crates.sh >/dev/null

# One hyperfine run for both, from inside the workspace (where `cargo metadata` must run); -N: no
# intermediate shell. The recipe goes to stdout, which hyperfine discards (NOT `-o /dev/null`,
# which as root would replace the device with a regular file).
# generate-toolchain-file is the same with the build image's toolchain given as a file (as CI
# does when the image's rustc is not the local one): no rustc runs.
# Debian's registry records no checksums in Cargo.lock: the crates are vendored from it.
vendor=(--sources vendor=/usr/share/cargo/registry)
generate="$(printf '%q ' "$bin" generate --offline --locked "${vendor[@]}" -o -)"
generate_toolchain="$(printf '%q ' "$bin" generate --offline --locked "${vendor[@]}" --toolchain "$tmp/toolchain.toml" -o -)"
(cd "$ws" && hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$tmp/times.json" \
  -n metadata-large 'cargo metadata --format-version 1 --offline --locked' \
  -n generate-large "$generate" -n generate-toolchain-file "$generate_toolchain" >/dev/null)

# Peak RSS: the largest of 3 runs ("Maximum resident set size" is in KiB).
for _ in 1 2 3; do
  /usr/bin/time -v -o "$tmp/rss" "$bin" plan --format json --metadata "$libra" >/dev/null
  awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/rss" >>"$tmp/rss-libra"
done

python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
res = {r["command"]: r for r in json.load(open(f"{tmp}/times.json"))["results"]}
print("| command | mean (ms) | σ (ms) | min (ms) | max (ms) |")
print("|---|---:|---:|---:|---:|")
for name, r in res.items():
    print(f"| {name} | {r['mean']*1e3:.1f} | {r['stddev']*1e3:.1f} | {r['min']*1e3:.1f} | {r['max']*1e3:.1f} |")
metadata, generate = res["metadata-large"]["mean"], res["generate-large"]["mean"]
ratio = generate / metadata
mb = max(int(l) for l in open(f"{tmp}/rss-libra")) * 1024 / 1e6   # KiB -> MB (10^6 bytes), as the target is stated
speed_ok, mem_ok = ratio <= 1.2, mb < 100
print(f"\nspeed:  generate {generate*1e3:.1f} ms / cargo metadata {metadata*1e3:.1f} ms on large = {ratio:.2f} "
      f"(target <= 1.2): {'PASS' if speed_ok else 'FAIL'}")
print(f"        generate --toolchain FILE / cargo metadata = {res['generate-toolchain-file']['mean'] / metadata:.2f}")
print(f"memory: peak RSS planning libra = {mb:.1f} MB (target < 100 MB): {'PASS' if mem_ok else 'FAIL'}")
sys.exit(0 if speed_ok and mem_ok else 1)
PY
