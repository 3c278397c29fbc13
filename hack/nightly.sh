#!/usr/bin/env bash
# The nightly reproducibility job: for every recipe, check it is what the generator writes now
# (audit generate --check), rebuild it with the build audit, and merge everything into one
# Markdown summary and one JUnit file. Exit 1 when anything regressed against --baseline (the
# previous night's summary.json; without one, any failure counts), 3 when an audit could not finish.
#
#   hack/nightly.sh [--out DIR] [--baseline FILE] [--runs N] [RECIPE|FOLDER ...]   (default: recipes/)
#
# DIR (default nightly-report/) gets generate.json, build-NAME.json per recipe, and summary.json,
# summary.md, junit.xml. Needs a built cargo-recipe (hack/build.sh) and an engine (hack/start-dockerd.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
out=nightly-report
baseline=
runs=2
recipes=()
while (($#)); do
  case $1 in
    --out) out=${2:?--out needs a DIR}; shift 2 ;;
    --baseline) baseline=${2:?--baseline needs a FILE}; shift 2 ;;
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "nightly: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) recipes+=("$1"); shift ;;
  esac
done
((${#recipes[@]})) || recipes=(recipes)
bin=${CARGO_RECIPE:-build/cargo-recipe}
[[ -x $bin ]] || { echo "nightly: $bin is not built (run hack/build.sh)" >&2; exit 2; }
[[ -z $baseline || -f $baseline ]] || { echo "nightly: --baseline $baseline: no such file" >&2; exit 2; }

# The recipe files, folders expanded, in a stable order.
files=()
for r in "${recipes[@]}"; do
  if [[ -d $r ]]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$r" -maxdepth 1 -name '*.Dockerfile' | LC_ALL=C sort)
  else
    files+=("$r")
  fi
done
((${#files[@]})) || { echo "nightly: no recipes in ${recipes[*]}" >&2; exit 2; }
rm -rf "$out" && mkdir -p "$out"

echo "nightly: ${#files[@]} recipes; checking that each is what the generator writes now"
NO_COLOR=1 "$bin" audit generate --check "${files[@]}" --report-json "$out/generate.json" >"$out/generate.txt" 2>&1
for f in "${files[@]}"; do
  name=$(basename "$f" .Dockerfile)
  echo "nightly: rebuilding $name ($runs runs)"
  NO_COLOR=1 "$bin" audit build "$f" --runs "$runs" --report-json "$out/build-$name.json" >"$out/build-$name.txt" 2>&1
  code=$?
  if [[ ! -f $out/build-$name.json ]]; then
    # Not even an incomplete report (bad input): the summary must still say so.
    echo "nightly: audit build of $name gave no report (exit $code):" >&2
    tail -n 3 "$out/build-$name.txt" >&2
    exit 2
  fi
done

summary_args=(--report-json "$out/summary.json" --markdown "$out/summary.md" --junit "$out/junit.xml")
[[ -z $baseline ]] || summary_args+=(--baseline "$baseline")
NO_COLOR=1 "$bin" audit summary "$out"/generate.json "$out"/build-*.json "${summary_args[@]}" >"$out/summary.txt"
code=$?
cat "$out/summary.md"
echo "nightly: wrote $out/summary.md and $out/junit.xml (exit $code)"
exit $code
