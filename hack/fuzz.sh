#!/usr/bin/env bash
# Build libFuzzer targets with ASan and UBSan (clang from Debian; tests/fuzz/CMakeLists.txt lists
# the sources), replay tests/fuzz/regressions/TARGET, then fuzz for SECONDS on a corpus seeded
# from the fixtures. A crashing input is left in $FUZZ_OUT/TARGET/ (default build-fuzz/; crash-*):
# add it to tests/fuzz/regressions/TARGET/.
#   hack/fuzz.sh metadata 600     hack/fuzz.sh all 15 (each target in turn; CTest fuzz_short)
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(recipe_header lockfile metadata manifest hints)
target=${1:?usage: hack/fuzz.sh TARGET|all SECONDS (targets: ${targets[*]})}
seconds=${2:-60}
out=${FUZZ_OUT:-build-fuzz}

# The corpus seeds of one target: fixtures of the input it reads.
seeds() {
  case $1 in
    recipe_header) ls recipes/*.Dockerfile tests/golden/*/expected.Dockerfile ;;
    lockfile) find tests/fixtures/cargo-lock tests/workspaces -name Cargo.lock ;;
    metadata) ls tests/fixtures/guppy/small/*.json tests/fixtures/guppy/invalid/*.json ;;
    manifest) find tests/workspaces -name Cargo.toml ;;
    hints) ls generator/hints/*.toml tests/hints/*.toml ;;
  esac
}

case $target in
  all) selected=("${targets[@]}") ;;
  recipe_header | lockfile | metadata | manifest | hints) selected=("$target") ;;
  *) echo "hack/fuzz.sh: unknown target \"$target\" (${targets[*]}, all)" >&2; exit 2 ;;
esac

cmake -S tests/fuzz -B "$out/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE= >/dev/null
cmake --build "$out/build" -j2 --target "${selected[@]/%/_fuzz}"

for each in "${selected[@]}"; do
  fuzzer=$(readlink -f "$out/build/${each}_fuzz")
  regressions=tests/fuzz/regressions/$each
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    "$fuzzer" -runs=0 "$regressions"
  fi
  mkdir -p "$out/$each/corpus"
  while read -r seed; do
    cp "$seed" "$out/$each/corpus/$(sha1sum "$seed" | cut -c1-16)"
  done < <(seeds "$each")
  (cd "$out/$each" && "$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
     -print_final_stats=1 corpus)
done
