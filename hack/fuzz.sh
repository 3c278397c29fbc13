#!/usr/bin/env bash
# Build one libFuzzer target with ASan and UBSan (clang from Debian) and run it for SECONDS on a
# corpus seeded from the fixtures, then replay tests/fuzz/regressions/TARGET. A crashing input
# is left in $FUZZ_OUT/TARGET/ (default build-fuzz/; crash-*): add it to tests/fuzz/regressions/TARGET/.
#   hack/fuzz.sh recipe_header 60     hack/fuzz.sh lockfile 600      hack/fuzz.sh all 20; CTest fuzz_short runs recipe_header 20
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: hack/fuzz.sh TARGET|all SECONDS}
seconds=${2:-60}
if [ "$target" = all ]; then
  for each in recipe_header lockfile; do "$0" "$each" "$seconds"; done
  exit 0
fi
case $target in
  recipe_header)
    sources=(generator/pipeline/recipe_header.cpp generator/pipeline/generate_request.cpp
             generator/install/install_request.cpp generator/model/semver.cpp)
    seeds=(recipes/*.Dockerfile tests/golden/*/expected.Dockerfile) ;;
  lockfile)
    sources=(generator/cargo/lockfile.cpp generator/cargo/validate.cpp generator/cargo/toml_document.cpp
             generator/cargo/toml_implementation.cpp generator/cargo/where.cpp generator/model/semver.cpp
             generator/model/workspace.cpp generator/model/cfg_expr.cpp generator/support/printable.cpp)
    seeds=($(find tests/fixtures/cargo-lock tests/workspaces -name Cargo.lock)) ;;
  *) echo "unknown target \"$target\" (recipe_header, lockfile)" >&2; exit 2 ;;
esac
out=${FUZZ_OUT:-build-fuzz}/$target
mkdir -p "$out/corpus"
for seed in "${seeds[@]}"; do cp "$seed" "$out/corpus/$(sha1sum "$seed" | cut -c1-16)"; done
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I.
       -DTOML_HEADER_ONLY=0 -DSPDLOG_FMT_EXTERNAL -DNDEBUG)  # NDEBUG: the assertions of the shipped build
clang++ "${flags[@]}" "tests/fuzz/${target}_fuzz.cpp" "${sources[@]}" -lre2 -o "$out/fuzzer"
regressions=tests/fuzz/regressions/$target
if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
  "$out/fuzzer" -runs=0 "$regressions"
fi
cd "$out"
./fuzzer -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus
