#!/usr/bin/env bash
# The engines' growth curve: build recipes of growing size from scratch (--no-cache) on each engine
# and record, per build, the unit count, the result, the wall time and the first error line.
#   hack/growth-curve.sh [--engines "docker buildah"] [--sizes "10x6 20x12 40x24 large"] [--runs N] [--jobs N] [-o FILE.tsv]
# A size WxD is a synthetic workspace (hack/synthetic-workspace.py: D layers of W trivial crates,
# fan-in 2, a build script every 10th crate); `large` is tests/workspaces/large (161 Debian crates).
# Prints one TSV line per build (engine, workspace, units, run, result, seconds, message) and
# writes them to FILE too. Uses $CARGO_RECIPE, else build/cargo-recipe. Needs the engines running
# (hack/start-dockerd.sh, hack/start-buildah.sh) and the base image (hack/make-base-image.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tool=${CARGO_RECIPE:-$root/build/cargo-recipe}
engines="docker buildah"
sizes="10x6 20x12 40x24 large"
runs=1
jobs=()
out=
while [ $# -gt 0 ]; do
  case $1 in
    --engines) engines=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --jobs) jobs=(--jobs "$2"); shift 2 ;;
    -o) out=$2; shift 2 ;;
    *) echo "growth-curve: unknown argument \"$1\" (see the header of $0)" >&2; exit 2 ;;
  esac
done
[ -x "$tool" ] || { echo "growth-curve: $tool is not built (hack/build.sh, or set CARGO_RECIPE)" >&2; exit 2; }
registry=/usr/share/cargo/registry
toolchain=$root/recipes/toolchains/rust-base-bookworm.toml
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
[ -z "$out" ] || : >"$out"

# prepare SIZE: echo "WORKSPACE UNITS" after writing the workspace and its recipe.
prepare() {
  local size=$1 workspace units
  if [ "$size" = large ]; then
    workspace=$root/tests/workspaces/large
    units=$(cd "$workspace" && "$tool" plan --offline --locked --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["units"]))')
  else
    workspace=$scratch/synthetic-$size
    units=$(python3 "$root/hack/synthetic-workspace.py" "$workspace" --width "${size%x*}" --depth "${size#*x}" --build-script-every 10)
  fi
  (cd "$workspace" && "$tool" generate --offline --locked --toolchain "$toolchain" --sources "vendor=$registry" \
     -o "$scratch/$size.Dockerfile")
  echo "$workspace $units"
}

printf 'engine\tworkspace\tunits\trun\tresult\tseconds\tmessage\n' | tee -a "${out:-/dev/null}"
for size in $sizes; do
  read -r workspace units < <(prepare "$size")
  for engine in $engines; do
    for run in $(seq 1 "$runs"); do
      log=$scratch/build.log
      start=$(date +%s.%N)
      if "$tool" build "$scratch/$size.Dockerfile" --runner "$engine" --context "$workspace" --vendor "$registry" \
           --no-cache "${jobs[@]}" -o "$scratch/bin-$size" >"$log" 2>&1; then
        result=ok message=
      else
        result="exit $?" message=$(grep -m1 -E 'error|failed' "$log" | tr '\t' ' ' | cut -c1-200)
      fi
      seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$engine" "$size" "$units" "$run" "$result" "$seconds" "$message" \
        | tee -a "${out:-/dev/null}"
    done
  done
done
