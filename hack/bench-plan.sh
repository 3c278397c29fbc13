#!/usr/bin/env bash
# Benchmarks `cargo-recipe plan` against the `cargo metadata` call it replaces, and its peak memory.
#   speed:  `cargo-recipe plan` of tests/workspaces/large (161 packages) / `cargo metadata` of it,
#           target <= 0.10; `plan --format json` (823 KB of JSON written as well) reported beside it
#   memory: peak RSS planning the libra fixture (606 packages), target < 100 MB
# Exit 0 when both targets are met, 1 otherwise. Usage: hack/bench-plan.sh [RUNS] (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
# hyperfine needs two runs for a standard deviation (and takes 0 as "until stopped").
[[ "$runs" =~ ^[0-9]+$ ]] && ((runs >= 2)) || { echo "usage: hack/bench-plan.sh [RUNS >= 2] (got '$runs')" >&2; exit 2; }

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
guppy="$PWD/tests/fixtures/guppy/guppy/metadata_guppy_c9b4f76.json"

# Inputs made once, so the timed plan only reads files: the metadata cargo would have produced,
# and a toolchain file, so that planning starts no rustc process.
if ! (cd "$ws" && cargo metadata --format-version 1 --offline --locked >"$tmp/large.json" 2>/dev/null); then
  hack/install-crates.sh >/dev/null   # the workspace resolves only against Debian's crate sources
  (cd "$ws" && cargo metadata --format-version 1 --offline --locked >"$tmp/large.json")
fi
printf 'rustc_vv = """\n%s\n"""\ncfg = """\n%s\n"""\n' "$(rustc -vV)" "$(rustc --print cfg)" >"$tmp/toolchain.toml"

# The plan goes to stdout, which hyperfine and the redirects below discard. NOT `-o /dev/null`:
# -o writes a temp file beside the target and renames it over it, which (as root) replaces the
# /dev/null device with a regular file.
plan() { printf '%q ' "$bin" plan --toolchain "$tmp/toolchain.toml" "$@"; }
plan_text="$(plan --metadata "$tmp/large.json" --lockfile "$ws/Cargo.lock")"
plan_large="$(plan --format json --metadata "$tmp/large.json" --lockfile "$ws/Cargo.lock")"
plan_libra="$(plan --format json --metadata "$libra")"
plan_guppy="$(plan --format json --metadata "$guppy")"

# One hyperfine run for all five, from inside the workspace (where `cargo metadata` must run);
# -N: no intermediate shell, whose start-up would be a large share of a ~20 ms command.
(cd "$ws" && hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$tmp/times.json" \
  -n metadata-large 'cargo metadata --format-version 1 --offline --locked' \
  -n plan-large "$plan_text" -n plan-json-large "$plan_large" -n plan-json-libra "$plan_libra" \
  -n plan-json-guppy "$plan_guppy" >/dev/null)

# Peak RSS of each plan: the largest of 3 runs ("Maximum resident set size" is in KiB).
for name in large libra guppy; do
  cmd="plan_$name"
  for _ in 1 2 3; do
    eval "/usr/bin/time -v -o \"\$tmp/rss\" ${!cmd} >/dev/null"
    awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/rss" >>"$tmp/rss-$name"
  done
done

python3 - "$tmp" <<'EOF'
import json, sys
tmp = sys.argv[1]
res = {r["command"]: r for r in json.load(open(f"{tmp}/times.json"))["results"]}
rss = {n: max(int(l) for l in open(f"{tmp}/rss-{n}")) / 1024 for n in ("large", "libra", "guppy")}
print("| command | mean (ms) | σ (ms) | min (ms) | max (ms) | peak RSS (MiB) |")
print("|---|---:|---:|---:|---:|---:|")
for name, r in res.items():
    mem = rss.get(name.removeprefix("plan-json-"))
    print(f"| {name} | {r['mean']*1e3:.1f} | {r['stddev']*1e3:.1f} | {r['min']*1e3:.1f} "
          f"| {r['max']*1e3:.1f} | {'' if mem is None else f'{mem:.1f}'} |")
metadata = res["metadata-large"]["mean"]
ratio = res["plan-large"]["mean"] / metadata
json_ratio = res["plan-json-large"]["mean"] / metadata
mb = rss["libra"] * 1024 * 1024 / 1e6   # KiB-based MiB -> MB (10^6 bytes), as the target is stated
speed_ok, mem_ok = ratio <= 0.10, mb < 100
print(f"\nspeed:  plan {res['plan-large']['mean']*1e3:.1f} ms / cargo metadata "
      f"{metadata*1e3:.1f} ms on large = {ratio:.3f} (target <= 0.10): {'PASS' if speed_ok else 'FAIL'}")
print(f"        plan --format json {res['plan-json-large']['mean']*1e3:.1f} ms / cargo metadata = {json_ratio:.3f}")
print(f"memory: peak RSS planning libra = {mb:.1f} MB (target < 100 MB): {'PASS' if mem_ok else 'FAIL'}")
sys.exit(0 if speed_ok and mem_ok else 1)
EOF
