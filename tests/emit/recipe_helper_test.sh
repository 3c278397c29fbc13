#!/usr/bin/env bash
# recipe-helper as the Dockerfile stages run it: `env -i PATH=... KEY=VALUE... recipe-helper ...`.
# Build scripts and a fake rustc record what they were given (argv and environment, NUL-separated)
# so values are compared byte for byte; one last case builds and runs a real crate with rustc.
# Usage: bash tests/emit/recipe_helper_test.sh PATH/TO/recipe-helper.sh
# Single-quoted $(...) and backticks are test data, meant to stay literal.
# shellcheck disable=SC2016
set -uo pipefail
export LC_ALL=C
src=$(readlink -f "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The image installs the helper executable; do the same with a copy, whatever the checkout's modes.
mkdir -p "$work/bin"
helper=$work/bin/recipe-helper
cp "$src" "$helper" && chmod 755 "$helper"

# A value that breaks anything that re-reads it through a shell, splits it or globs it.
hostile='sp ace	tab "dq" '\''sq'\'' $(touch pwned) `touch pwned` back\slash \n a=b==c %s * [x] é✓'

# Prints its manifest directory's `stdout` file (so it must run there), records its environment in
# $OUT_DIR/environ, copies `stderr` to stderr and exits with `exit-code`.
cat >"$work/bin/fake-build-script" <<'EOF'
#!/bin/bash -p
cat /proc/$$/environ >"$OUT_DIR/environ"
cat stdout
if [[ -f stderr ]]; then cat stderr >&2; fi
exit "$(cat exit-code 2>/dev/null || echo 0)"
EOF
# Records its argv and environment beside itself, exits with $FAKE_RUSTC_EXIT.
cat >"$work/bin/fake-rustc" <<'EOF'
#!/bin/bash -p
printf '%s\0' "$@" >"${0%/*}/rustc-argv"
cat /proc/$$/environ >"${0%/*}/rustc-environ"
exit "${FAKE_RUSTC_EXIT:-0}"
EOF
chmod 755 "$work/bin/fake-build-script" "$work/bin/fake-rustc"
fake_rustc=$work/bin/fake-rustc

passes=0
failures=0
case_failed=false
fail() {
  printf 'FAIL %s: %s\n' "$case_name" "$1"
  case_failed=true
}

# Run the helper in exactly the environment NAME=VALUE... (plus PATH): helper [NAME=VALUE...] -- ARG...
helper() {
  local -a env_args=()
  while [[ $1 != -- ]]; do
    env_args+=("$1")
    shift
  done
  shift
  rm -f "$work/bin/rustc-argv" "$work/bin/rustc-environ"
  env -i PATH="$PATH" "${env_args[@]}" "$helper" "$@" >"$t/helper-stdout" 2>"$t/helper-stderr"
  status=$?
}

# Run the fake build script for UNIT_DIR, printing TEXT: build UNIT_DIR TEXT [--links-dep ...].
# Extra environment comes from the array `script_env`.
script_env=()
build() {
  local unit=$1 text=$2
  shift 2
  mkdir -p "$unit.src"
  printf '%s' "$text" >"$unit.src/stdout"
  helper OUT_DIR="$unit/out" "${script_env[@]}" -- \
    run-build-script "$unit" "$work/bin/fake-build-script" "$unit.src" fixture "$@"
}

expect_status() {
  [[ $status -eq $1 ]] || fail "exit $status, want $1; stderr: $(cat -v "$t/helper-stderr")"
}

expect_stderr() {
  grep -qF -- "$1" "$t/helper-stderr" || fail "stderr lacks \"$1\": $(cat -v "$t/helper-stderr")"
}

# FILE holds exactly RECORD..., NUL-terminated.
expect_records() {
  local file=$1
  shift
  : >"$t/want"
  if (($#)); then printf '%s\0' "$@" >"$t/want"; fi
  cmp -s "$t/want" "$file" ||
    fail "${file##*/}: got $(tr '\0' '|' <"$file" | cat -v), want $(tr '\0' '|' <"$t/want" | cat -v)"
}

# The fake rustc ran with exactly ARG... (after its own path).
expect_argv() {
  expect_records "$work/bin/rustc-argv" "$@"
}

# Environment record file FILE has NAME=VALUE.
expect_env() {
  local -a records
  mapfile -d '' -t records <"$1"
  local record
  for record in "${records[@]}"; do
    if [[ $record == "$2="* ]]; then
      [[ ${record#*=} == "$3" ]] || fail "$2 in ${1##*/} is \"${record#*=}\", want \"$3\""
      return
    fi
  done
  fail "$2 missing from ${1##*/}"
}

# Write RECORD... into DIR/FILE for compile to read: records DIR FILE RECORD...
records() {
  mkdir -p "$1"
  local file=$1/$2
  shift 2
  : >"$file"
  if (($#)); then printf '%s\0' "$@" >"$file"; fi
}

# A run unit directory holding every record file, all empty.
empty_run_unit() {
  local f
  for f in cfg check-cfg link-lib link-search link-arg link-arg-bins link-arg-bin link-arg-cdylib rustc-env metadata; do
    records "$1" "$f"
  done
}

run_case() {
  case_name=$1
  case_failed=false
  # Paths with a space, a quote and non-ASCII, as no real layout has but the helper must survive.
  t="$work/case $((passes + failures)) \"é\""
  mkdir -p "$t"
  script_env=()
  "$2"
  if $case_failed; then failures=$((failures + 1)); else passes=$((passes + 1)); fi
}

# --- run-build-script --------------------------------------------------------------------------

# Every directive in syntax $1 (cargo: or cargo::) lands in its file; $2 adds metadata lines.
check_every_directive() {
  local p=$1 u=$t/unit
  build "$u" "${p}rustc-link-lib=static=foo
${p}rustc-link-search=native=/opt/lib
${p}rustc-flags=-l bar -Lnative=/x  -lbaz	-L /y
${p}rustc-link-arg=-Wl,--as-needed
${p}rustc-link-arg-bins=-Wl,bins
${p}rustc-link-arg-bin=app=-Wl,app=1
${p}rustc-link-arg-cdylib=-Wl,cd1
${p}rustc-cdylib-link-arg=-Wl,cd2
${p}rustc-link-arg-tests=-Wl,tests
${p}rustc-link-arg-examples=-Wl,examples
${p}rustc-link-arg-benches=-Wl,benches
${p}rustc-cfg=has_foo
${p}rustc-cfg=level=\"2\"
${p}rustc-check-cfg=cfg(has_foo)
${p}rustc-env=FOO=bar=baz
${p}warning=careful now
${p}rerun-if-changed=build.rs
${p}rerun-if-env-changed=CC
$2
"
  expect_status 0
  expect_stderr "warning: fixture@build-script: careful now"
  expect_records "$u/link-lib" static=foo bar baz
  expect_records "$u/link-search" native=/opt/lib native=/x /y
  expect_records "$u/link-arg" -Wl,--as-needed
  expect_records "$u/link-arg-bins" -Wl,bins
  expect_records "$u/link-arg-bin" app=-Wl,app=1
  expect_records "$u/link-arg-cdylib" -Wl,cd1 -Wl,cd2
  expect_records "$u/cfg" has_foo 'level="2"'
  expect_records "$u/check-cfg" 'cfg(has_foo)'
  expect_records "$u/rustc-env" FOO=bar=baz
  cmp -s "$u.src/stdout" "$u/output" || fail "output is not the script's stdout"
  [[ -d $u/out ]] || fail "OUT_DIR was not created"
}

test_new_syntax() {
  check_every_directive cargo:: 'cargo::metadata=include=/opt/include
cargo::metadata=root=/opt'
  expect_records "$t/unit/metadata" include=/opt/include root=/opt
}

test_old_syntax() {
  # Old syntax: any unreserved key is metadata, `error` and `metadata` included.
  check_every_directive cargo: 'cargo:include=/opt/include
cargo:error=not an error
cargo:metadata=k=v'
  expect_records "$t/unit/metadata" include=/opt/include 'error=not an error' metadata=k=v
}

test_lines_trimmed_and_ignored() {
  local u locale
  # Also with a UTF-8 locale given to the children: the helper's own parsing stays byte-wise.
  for locale in '' C.UTF-8; do
    u=$t/unit$locale
    script_env=()
    if [[ -n $locale ]]; then script_env=("LC_ALL=$locale"); fi
    build "$u" "  	cargo:rustc-cfg=trimmed 	"$'\r'"
"$'\xc2\xa0'"cargo::rustc-cfg=unicode-spaces"$'\xe3\x80\x80'"
cargo:rustc-cfg=inner	tab  kept é✓
not a directive cargo:rustc-cfg=no
CARGO:rustc-cfg=no
cargo:rustc-cfg=bad utf-8 "$'\xff'"
cargo:rustc-cfg=overlong "$'\xc0\xaf'"
cargo::rustc-cfg=
cargo:rustc-cfg=last line without newline"
    expect_status 0
    expect_records "$u/cfg" trimmed unicode-spaces 'inner	tab  kept é✓' '' 'last line without newline'
    expect_records "$u/metadata"
  done
  expect_env "$u/out/environ" LC_ALL C.UTF-8
}

test_hostile_values_reach_files() {
  local u=$t/unit
  build "$u" "cargo::rustc-link-lib=$hostile
cargo::rustc-link-search=$hostile
cargo::rustc-link-arg=$hostile
cargo::rustc-link-arg-bins=$hostile
cargo::rustc-link-arg-bin=app=$hostile
cargo::rustc-link-arg-cdylib=$hostile
cargo::rustc-cfg=$hostile
cargo::rustc-check-cfg=$hostile
cargo::rustc-env=HOSTILE=$hostile
cargo:rustc-env=OLD=$hostile
cargo::metadata=new=$hostile
cargo:old=$hostile
cargo::warning=$hostile
"
  expect_status 0
  expect_stderr "warning: fixture@build-script: $hostile"
  local f
  for f in link-lib link-search link-arg link-arg-bins link-arg-cdylib cfg check-cfg; do
    expect_records "$u/$f" "$hostile"
  done
  expect_records "$u/link-arg-bin" "app=$hostile"
  expect_records "$u/rustc-env" "HOSTILE=$hostile" "OLD=$hostile"
  expect_records "$u/metadata" "new=$hostile" "old=$hostile"
  [[ ! -e $u.src/pwned && ! -e pwned ]] || fail "a value was run through a shell"
}

test_invalid_lines_fail() {
  # LINE and the reason the step gives for rejecting it, as cargo rejects it.
  local -a cases=(
    'cargo::frobnicate=1' 'unknown key "frobnicate"'
    'cargo::rustc-cfg' 'expected cargo::KEY=VALUE'
    'cargo::metadata=no-equals' 'expected a KEY=VALUE metadata'
    'cargo:no-equals' 'expected a KEY=VALUE metadata'
    'cargo:rustc-cfg' 'expected a KEY=VALUE metadata'
    'cargo::rustc-env=NO_EQUALS' 'expected rustc-env=NAME=VALUE'
    'cargo:rustc-env=NO_EQUALS' 'expected rustc-env=NAME=VALUE'
    'cargo::rustc-link-arg-bin=no-equals' 'expected rustc-link-arg-bin=BIN=ARG'
    'cargo::rustc-flags=-O' 'only -l and -L flags are allowed'
    'cargo:rustc-flags=-lfoo -framework bar' 'only -l and -L flags are allowed'
    'cargo::rustc-flags=-L' 'flag "-L" in rustc-flags has no value'
    'cargo:rustc-env=RUSTC_BOOTSTRAP=1' 'crates cannot set RUSTC_BOOTSTRAP'
  )
  local i
  for ((i = 0; i < ${#cases[@]}; i += 2)); do
    build "$t/unit$i" "cargo::rustc-cfg=before
${cases[i]}
cargo::rustc-cfg=after
"
    expect_status 1
    expect_stderr "build script of fixture printed an invalid line \"${cases[i]}\": ${cases[i + 1]}"
  done
}

test_error_fails_after_recording() {
  local u=$t/unit
  build "$u" 'cargo::rustc-cfg=before
cargo::error=broken $(x)
cargo::warning=still parsed
cargo::rustc-cfg=after
cargo::metadata=k=v
'
  expect_status 1
  expect_stderr 'error: fixture: broken $(x)'
  expect_stderr 'warning: fixture@build-script: still parsed'
  expect_records "$u/cfg" before after
  expect_records "$u/metadata" k=v
}

test_rustc_bootstrap_only_with_user_consent() {
  local u=$t/unit
  script_env=(RUSTC_BOOTSTRAP=1)
  build "$u" 'cargo::rustc-env=RUSTC_BOOTSTRAP=1
cargo::rustc-env=OTHER=1
'
  expect_status 0
  expect_stderr 'crates cannot set RUSTC_BOOTSTRAP'
  expect_records "$u/rustc-env" OTHER=1
}

test_metadata_reaches_dependents_as_dep_vars() {
  build "$t/meta" "cargo::metadata=answer-x=42 $hostile
cargo:include.dir=/opt/include
"
  build "$t/other" 'cargo::metadata=version=1.2'
  build "$t/unit" '' --links-dep "fixture-meta=$t/meta" --links-dep "z=$t/other"
  expect_status 0
  expect_env "$t/unit/out/environ" DEP_FIXTURE_META_ANSWER_X "42 $hostile"
  expect_env "$t/unit/out/environ" DEP_FIXTURE_META_INCLUDE.DIR /opt/include
  expect_env "$t/unit/out/environ" DEP_Z_VERSION 1.2
}

test_script_gets_exactly_the_given_environment() {
  script_env=("MULTI=line one
line two \$(x)" "HOSTILE=$hostile" "BASH_ENV=$t/bash-env" 'BASH_FUNC_f%%=() { touch pwned; }'
    SHELLOPTS=xtrace 'WEIRD.NAME=1' 'EMPTY=')
  printf 'touch %q\n' "$t/sourced" >"$t/bash-env"
  build "$t/unit" 'cargo::rustc-cfg=x'
  expect_status 0
  printf '%s\0' PATH="$PATH" OUT_DIR="$t/unit/out" "${script_env[@]}" | sort -z >"$t/want-env"
  sort -z "$t/unit/out/environ" | cmp -s - "$t/want-env" ||
    fail "environment differs: $(sort -z "$t/unit/out/environ" | tr '\0' '|' | cat -v)"
  [[ ! -e $t/sourced ]] || fail "BASH_ENV was sourced"
}

test_failing_script() {
  local u=$t/unit
  mkdir -p "$u.src"
  echo 3 >"$u.src/exit-code"
  echo 'script says why' >"$u.src/stderr"
  build "$u" "$(printf 'line %d\n' {1..25})"
  expect_status 1
  expect_stderr 'recipe-helper: build script of fixture failed (exit 3); its output:'
  expect_stderr 'script says why'
  if ! grep -qx "line 6" "$t/helper-stderr" || ! grep -qx "line 25" "$t/helper-stderr"; then fail "last lines not shown"; fi
  ! grep -qx 'line 5' "$t/helper-stderr" || fail "more than 20 lines shown"
}

# --- compile -----------------------------------------------------------------------------------

test_hostile_values_reach_rustc() {
  local u=$t/unit
  build "$u" "cargo::rustc-link-lib=$hostile
cargo::rustc-link-search=$hostile
cargo::rustc-link-arg=$hostile
cargo::rustc-link-arg-bins=$hostile
cargo::rustc-link-arg-bin=app=$hostile
cargo::rustc-link-arg-cdylib=$hostile
cargo::rustc-cfg=$hostile
cargo::rustc-check-cfg=$hostile
cargo::rustc-env=HOSTILE=$hostile
cargo::rustc-env=SPACED NAME=x
"
  expect_status 0
  helper "MULTI=a
b \$(x)" "HOSTILE=overridden by the build script" -- compile "$t/out dir" --build-script "$u" \
    --link-search "$u" --link-lib --bin app --cdylib --check-cfg -- "$fake_rustc" "first $hostile"
  expect_status 0
  expect_argv "first $hostile" -L "$hostile" -l "$hostile" -C "link-arg=$hostile" \
    -C "link-arg=$hostile" -C "link-arg=$hostile" -C "link-arg=$hostile" --cfg "$hostile" \
    --check-cfg "$hostile"
  expect_env "$work/bin/rustc-environ" HOSTILE "$hostile"
  expect_env "$work/bin/rustc-environ" 'SPACED NAME' x
  expect_env "$work/bin/rustc-environ" MULTI "a
b \$(x)"
  [[ -d "$t/out dir" ]] || fail "UNIT_DIR was not created"
}

test_link_search_order() {
  local a=$t/a b=$t/b c=$t/c/
  records "$a" link-search "native=$a/out/lib" /usr/lib/a "$a/outside"
  records "$b" link-search "$b/out" dependency=/opt/b
  records "$c" link-search "all=${c}out/x" /usr/lib/c "native=$a/out/fake" "weird=${c}out"
  helper -- compile "$t/u" --link-search "$a" --link-search "$b" --link-search "$c" -- "$fake_rustc"
  expect_status 0
  # Paths inside each script's own OUT_DIR first, then the rest, each in the order given.
  expect_argv -L "native=$a/out/lib" -L "$b/out" -L "all=${c}out/x" -L /usr/lib/a -L "$a/outside" \
    -L dependency=/opt/b -L /usr/lib/c -L "native=$a/out/fake" -L "weird=${c}out"
}

# A run unit with one record of each kind, named after it.
full_run_unit() {
  empty_run_unit "$1"
  records "$1" link-search /search
  records "$1" link-lib lib
  records "$1" link-arg all
  records "$1" link-arg-bins bins
  records "$1" link-arg-bin app=app1 other=other app=app2
  records "$1" link-arg-cdylib "cdylib-$2"
  records "$1" cfg cfg
  records "$1" check-cfg check
  records "$1" rustc-env FROM_SCRIPT=1
}

test_flags_follow_options() {
  local u=$t/own d=$t/dep
  full_run_unit "$u" own
  full_run_unit "$d" dep
  helper -- compile "$t/x" --build-script "$u" -- "$fake_rustc"
  expect_argv -C link-arg=all --cfg cfg
  expect_env "$work/bin/rustc-environ" FROM_SCRIPT 1
  helper -- compile "$t/x" --build-script "$u" --link-search "$u" --link-lib -- "$fake_rustc"
  expect_argv -L /search -l lib -C link-arg=all --cfg cfg
  helper -- compile "$t/x" --build-script "$u" --bin app -- "$fake_rustc"
  expect_argv -C link-arg=all -C link-arg=bins -C link-arg=app1 -C link-arg=app2 --cfg cfg
  helper -- compile "$t/x" --build-script "$u" --bin other -- "$fake_rustc"
  expect_argv -C link-arg=all -C link-arg=bins -C link-arg=other --cfg cfg
  helper -- compile "$t/x" --build-script "$u" --check-cfg -- "$fake_rustc"
  expect_argv -C link-arg=all --cfg cfg --check-cfg check
  # A cdylib also takes the cdylib link args of the build scripts it links with, as cargo does.
  helper -- compile "$t/x" --build-script "$u" --link-search "$u" --link-search "$d" --cdylib -- "$fake_rustc"
  expect_argv -L /search -L /search -C link-arg=all -C link-arg=cdylib-own -C link-arg=cdylib-dep --cfg cfg
  # Without a build script of its own, a unit takes only -L (and those cdylib args).
  helper -- compile "$t/x" --link-search "$d" --link-lib --bin app --check-cfg -- "$fake_rustc"
  expect_argv -L /search
  if grep -qz FROM_SCRIPT "$work/bin/rustc-environ"; then fail "rustc-env applied without --build-script"; fi
  expect_status 0
}

test_rustc_exit_code_passes_through() {
  helper FAKE_RUSTC_EXIT=7 -- compile "$t/x" -- "$fake_rustc" --version
  expect_status 7
  helper FAKE_RUSTC_EXIT=0 -- compile "$t/x" -- "$fake_rustc" --version
  expect_status 0
}

test_bad_command_lines() {
  local line
  local -a cmd
  for line in '' 'frobnicate' 'run-build-script a b c' 'compile' 'compile dir' "compile dir --frob -- $fake_rustc" \
    "compile dir --bin" "run-build-script u s m l --links-dep no-equals" "run-build-script u s m l --other x=y"; do
    read -r -a cmd <<<"$line"
    helper OUT_DIR="$t/u/out" -- "${cmd[@]}"
    expect_status 2
    expect_stderr 'usage: recipe-helper'
  done
  helper -- compile "$t/x" --build-script "$t/never-ran" -- "$fake_rustc"
  expect_status 1
  expect_stderr "$t/never-ran/link-arg: missing"
}

# --- a real crate ------------------------------------------------------------------------------

test_real_rustc() {
  local rustc
  rustc=$(rustc --print sysroot 2>/dev/null)/bin/rustc
  if [[ ! -x $rustc ]]; then
    echo "SKIP real rustc: no rustc on PATH"
    return
  fi
  local src=$t/pkg run=$t/run lib=$t/lib bin=$t/bin greeting='héllo "world" $(x)'
  mkdir -p "$src/src" "$t/script"
  cat >"$src/build.rs" <<'EOF'
fn main() {
    println!("cargo:rustc-env=GREETING=héllo \"world\" $(x)");
    println!("cargo::rustc-cfg=fixture_flag");
    println!("cargo::rustc-check-cfg=cfg(fixture_flag)");
    println!("cargo:rustc-link-search=native={}/nothing-here", std::env::var("OUT_DIR").unwrap());
    println!("cargo::metadata=answer=42");
    println!("cargo:warning=from a real build script");
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR").unwrap();
    std::fs::write(format!("{out}/generated.rs"), "pub const GENERATED: u32 = 7;\n").unwrap();
}
EOF
  cat >"$src/src/lib.rs" <<'EOF'
include!(concat!(env!("OUT_DIR"), "/generated.rs"));
#[cfg(fixture_flag)]
pub fn greeting() -> &'static str {
    env!("GREETING")
}
EOF
  cat >"$src/src/main.rs" <<'EOF'
fn main() {
    #[cfg(fixture_flag)]
    print!("{}|{}|{}", env!("GREETING"), fixture::greeting(), fixture::GENERATED);
}
EOF
  "$rustc" --edition 2021 -o "$t/script/build-script" "$src/build.rs" || { fail "build.rs does not compile"; return; }
  helper OUT_DIR="$run/out" CARGO_MANIFEST_DIR="$src" -- \
    run-build-script "$run" "$t/script/build-script" "$src" fixture
  expect_status 0
  expect_stderr 'warning: fixture@build-script: from a real build script'
  expect_records "$run/rustc-env" "GREETING=$greeting"
  mkdir -p "$run/out/nothing-here"
  helper OUT_DIR="$run/out" -- compile "$lib" --build-script "$run" --link-search "$run" --check-cfg -- \
    "$rustc" --edition 2021 --crate-name fixture --crate-type lib "$src/src/lib.rs" --out-dir "$lib" \
    --check-cfg 'cfg()' -D warnings
  expect_status 0
  # With checking on (cfg()) and no --check-cfg, fixture_flag is unexpected: proves the flag reaches rustc.
  helper OUT_DIR="$run/out" -- compile "$t/nocheck" --build-script "$run" -- \
    "$rustc" --edition 2021 --crate-name fixture --crate-type lib "$src/src/lib.rs" --out-dir "$t/nocheck" \
    --check-cfg 'cfg()' -D warnings
  expect_status 1
  helper OUT_DIR="$run/out" -- compile "$bin" --build-script "$run" --link-search "$run" --bin app --check-cfg -- \
    "$rustc" --edition 2021 --crate-name app --crate-type bin "$src/src/main.rs" -o "$bin/app" \
    --extern "fixture=$lib/libfixture.rlib" --check-cfg 'cfg()' -D warnings
  expect_status 0
  local printed
  printed=$("$bin/app") || fail "app failed"
  [[ $printed == "$greeting|$greeting|7" ]] || fail "app printed \"$printed\""
}

# What the base stage runs: every tool the steps use, tried with their options, and the rustc.
test_check_image() {
  local release
  release=$(rustc -vV | sed -n 's/^release: //p')
  helper SOURCE_DATE_EPOCH=86400 -- check-image "$release"
  expect_status 0
  [[ $(stat -c %Y "$helper") == 86400 ]] || fail "check-image did not stamp the helper at SOURCE_DATE_EPOCH"
  # A touch(1) without -h (old BusyBox): named, with the packages that fix it.
  mkdir -p "$t/old-tools"
  printf '#!/bin/sh\ncase "$1" in -h) echo "touch: unrecognized option: h" >&2; exit 1 ;; esac\n' >"$t/old-tools/touch"
  chmod 755 "$t/old-tools/touch"
  PATH="$t/old-tools:$PATH" helper -- check-image "$release"
  expect_status 1
  expect_stderr "recipe-helper: the image's touch(1) cannot stamp a file with -h -d @EPOCH (install coreutils and findutils"
  # A recipe generated for another rustc, or for a target whose std the image lacks: refused, named.
  helper -- check-image 1.63.0
  expect_status 1
  expect_stderr "recipe-helper: the recipe was generated for rustc 1.63.0 but the image has rustc $release (build on"
  helper -- check-image "$release" aarch64-unknown-linux-gnu
  expect_status 1
  expect_stderr "recipe-helper: the recipe builds for aarch64-unknown-linux-gnu but the image's rustc $release has no std"
  helper -- check-image
  expect_status 2
}

# runtime-packages names the packages of a binary's NEEDED libraries, pinned to the installed
# versions; install-runtime-packages installs only what is missing (apt-get and rm here are fakes
# that record their arguments).
test_runtime_packages() {
  local arch libc
  arch=$(dpkg --print-architecture)
  libc=$(dpkg-query -W -f='${Version}' "libc6:$arch")
  helper -- runtime-packages "$t/lists/ls" /bin/ls
  expect_status 0
  grep -qxF "libc6:$arch=$libc" "$t/lists/ls" || fail "ls's list lacks libc6:$arch=$libc: $(cat "$t/lists/ls")"
  sort -uc "$t/lists/ls" || fail "ls's list is not sorted and unique"
  expect_stderr "recipe-helper: ls needs libc.so.6 from libc6:$arch=$libc"

  printf 'int main(void) { return 0; }\n' >"$t/static.c"
  gcc -static -o "$t/static" "$t/static.c"
  helper -- runtime-packages "$t/lists/static" "$t/static"
  expect_status 0
  expect_stderr "recipe-helper: static is statically linked: it needs no package"
  [[ -f $t/lists/static && ! -s $t/lists/static ]] || fail "a static binary's list is not empty"

  # A library only this folder has: no package, and the loader does not know it.
  printf 'int fixture(void) { return 1; }\n' >"$t/lib.c"
  gcc -shared -fPIC -Wl,-soname,libfixture-only.so.1 -o "$t/libfixture-only.so.1" "$t/lib.c"
  printf 'int fixture(void); int main(void) { return fixture(); }\n' >"$t/uses.c"
  gcc -o "$t/uses" "$t/uses.c" "$t/libfixture-only.so.1"
  helper -- runtime-packages "$t/lists/uses" "$t/uses"
  expect_status 1
  expect_stderr "recipe-helper: uses needs libfixture-only.so.1, which the dynamic loader of the build image does not find"
  helper -- runtime-packages "$t/lists/x" "$t/static.c"
  expect_status 1
  expect_stderr "is not an ELF file"

  mkdir -p "$t/fakebin"
  # rm too: the helper empties apt's lists after installing, which must not happen to this machine's.
  printf '#!/bin/sh\nprintf "%%s\\n" "$*" >>"$APT_CALLS"\n' >"$t/fakebin/apt-get"
  printf '#!/bin/sh\n[ -n "$APT_CALLS" ] || exec /bin/rm "$@"\nprintf "rm %%s\\n" "$1" >>"$APT_CALLS"\n' >"$t/fakebin/rm"
  chmod 755 "$t/fakebin/apt-get" "$t/fakebin/rm"
  local saved_path=$PATH
  PATH=$t/fakebin:$PATH
  helper APT_CALLS="$t/apt-calls" -- install-runtime-packages "$t/lists/ls" "$t/lists/static"
  expect_status 0
  expect_stderr "recipe-helper: the binaries need no package beyond the runtime base"
  [[ ! -e $t/apt-calls ]] || fail "apt-get ran for packages the image has: $(cat "$t/apt-calls")"
  printf 'libc6:%s=0.0-not-this\nzz-not-installed=1.0\n' "$arch" >"$t/lists/other"
  helper APT_CALLS="$t/apt-calls" -- install-runtime-packages "$t/lists/ls" "$t/lists/other"
  expect_status 0
  printf 'update -qq\ninstall -y -qq --no-install-recommends libc6:%s=0.0-not-this zz-not-installed=1.0\nrm -rf\n' "$arch" >"$t/want-calls"
  cmp -s "$t/want-calls" "$t/apt-calls" || fail "apt-get calls: $(cat "$t/apt-calls")"
  PATH=$saved_path
  helper -- install-runtime-packages "$t/lists/none"
  expect_status 1
  expect_stderr "is not a file"
}

run_case "new cargo:: syntax, every directive" test_new_syntax
run_case "old cargo: syntax, every directive" test_old_syntax
run_case "lines trimmed, other lines and non-UTF-8 ignored" test_lines_trimmed_and_ignored
run_case "hostile values reach the record files" test_hostile_values_reach_files
run_case "invalid lines fail the step" test_invalid_lines_fail
run_case "cargo::error fails after recording the rest" test_error_fails_after_recording
run_case "RUSTC_BOOTSTRAP only when the user set it" test_rustc_bootstrap_only_with_user_consent
run_case "metadata reaches dependents as DEP_<LINKS>_<KEY>" test_metadata_reaches_dependents_as_dep_vars
run_case "the script gets exactly the given environment" test_script_gets_exactly_the_given_environment
run_case "a failing script fails the step with its output" test_failing_script
run_case "hostile values reach rustc's argv and environment" test_hostile_values_reach_rustc
run_case "-L order across --link-search dirs" test_link_search_order
run_case "-l, link args, --cfg, --check-cfg follow the options" test_flags_follow_options
run_case "rustc's exit code passes through" test_rustc_exit_code_passes_through
run_case "bad command lines and missing records" test_bad_command_lines
run_case "a real build script, lib and bin with rustc" test_real_rustc
run_case "check-image tries every tool the steps use" test_check_image
run_case "runtime-packages and install-runtime-packages" test_runtime_packages

echo "recipe-helper: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
