#!/usr/bin/env bash
# build against a stub docker that fails the way Docker 20.10's BuildKit does (logs from
# tests/fixtures/engine-logs): an engine failure is retried from the cache, a failed step is not,
# and a dead daemon or spent retries end the build with exit 3 and one line.
set -uo pipefail
bin=$(readlink -f "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# The stub answers as a 20.10 client with a daemon; each build takes the next line of
# $work/script ("ok" or a fixture name) and appends its argv to $work/builds.
mkdir -p "$work/stub"
cat >"$work/stub/docker" <<'STUB'
#!/usr/bin/env bash
case "$1" in
  buildx) exit 0 ;;
  info) [[ -e "$STUB_DIR/dead" ]] && exit 1; echo 20.10.24 ;;
  version) echo 20.10.24 ;;
  build)
    echo "$*" >>"$STUB_DIR/builds"
    n=$(wc -l <"$STUB_DIR/builds")
    step=$(sed -n "${n}p" "$STUB_DIR/script")
    if [[ $step == ok ]]; then
      for word in "$@"; do
        [[ $word == type=local,dest=* ]] && mkdir -p "${word#type=local,dest=}" && : >"${word#type=local,dest=}/app"
      done
      exit 0
    fi
    cat "$STUB_FIXTURES/${step%+dead}" >&2
    [[ $step == *+dead ]] && : >"$STUB_DIR/dead"
    exit 1 ;;
  *) exit 1 ;;
esac
STUB
chmod +x "$work/stub/docker"

# case NAME WANT_EXIT WANT_BUILDS WANT_LINE SCRIPT... -- BUILD_ARGS...
case_() {
  local name=$1 want=$2 builds=$3 line=$4
  shift 4
  rm -f "$work/builds" "$work/dead" "$work/script"
  while [[ $1 != -- ]]; do echo "$1" >>"$work/script"; shift; done
  shift
  (cd "$root" && PATH="$work/stub:$PATH" STUB_DIR="$work" STUB_FIXTURES="$here/fixtures/engine-logs" \
    "$bin" build recipes/derive-fixture@0.1.0.Dockerfile -o "$work/bin" --no-cache "$@" >"$work/stdout" 2>"$work/stderr")
  local got=$? ran
  ran=$(wc -l <"$work/builds")
  local first_no_cache later_no_cache
  first_no_cache=$(head -1 "$work/builds" | grep -c -- --no-cache)
  later_no_cache=$(tail -n +2 "$work/builds" | grep -c -- --no-cache)
  if [[ $got -ne $want || $ran -ne $builds || $first_no_cache -ne 1 || $later_no_cache -ne 0 ]] ||
    [[ $(grep -cxF -- "$line" "$work/stderr") -ne 1 ]]; then
    echo "FAIL $name: exit $got (want $want), $ran build(s) (want $builds), --no-cache first $first_no_cache later $later_no_cache:"
    tail -5 "$work/stderr"
    failures=$((failures + 1))
  fi
}

retry="cargo-recipe: engine failure (flightcontrol: exceeded retry timeout), retrying (1/2)"
case_ "engine failure then success" 0 2 "$retry" flightcontrol-timeout.log ok --
case_ "compile error" 3 1 \
  "cargo-recipe: error: docker build of recipes/derive-fixture@0.1.0.Dockerfile failed (exit 1) in stage lib-app-0.1.0-2b3c4d5e6f70: error[E0425]: cannot find value \`conection\` in this scope / error: aborting due to previous error" \
  rustc-error.log --
case_ "retries spent" 3 2 \
  "cargo-recipe: error: docker hit an engine limit building recipes/derive-fixture@0.1.0.Dockerfile: gave up after 2 builds that failed inside the engine, not in a unit (last: rpc error: code = Unavailable); run build again to continue from its cache, or raise --retries" \
  flightcontrol-timeout.log daemon-eof.log -- --retries 1
case_ "daemon died" 3 1 \
  "cargo-recipe: error: docker stopped answering while building recipes/derive-fixture@0.1.0.Dockerfile (BuildKit crashed in contenthash (SIGSEGV)): the engine died or restarted; run build again once it answers, it continues from what the engine cached" \
  contenthash-sigsegv.log+dead --
[[ -e $work/bin ]] && [[ ! -e $work/bin/app ]] && { echo "FAIL: bin/ is not the built one"; failures=$((failures + 1)); }
if [[ $failures -ne 0 ]]; then
  exit 1
fi
echo "engine retry: 4 cases pass"
