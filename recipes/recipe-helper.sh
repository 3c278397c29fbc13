#!/bin/bash -p
# recipe-helper: the build-time part of cargo, one step per Dockerfile stage. The base image carries
# it at /recipe/bin/recipe-helper; the generator decides everything else about a step.
#
#   recipe-helper run-build-script UNIT_DIR SCRIPT MANIFEST_DIR PACKAGE_LABEL [--links-dep LINKS=RUN_UNIT_DIR]...
#   recipe-helper compile UNIT_DIR [--build-script RUN_UNIT_DIR] [--link-search RUN_UNIT_DIR]...
#                         [--link-lib] [--bin NAME] [--cdylib] [--check-cfg] -- RUSTC_ARGV...
#   recipe-helper check-image RUSTC_RELEASE [TARGET]...
#   recipe-helper runtime-packages LIST_FILE BINARY...
#   recipe-helper install-runtime-packages LIST_FILE...
#
# run-build-script runs a build script and parses what it prints as cargo's BuildOutput::parse does
# (custom_build.rs) into NUL-terminated record files in UNIT_DIR. compile runs rustc with those
# records added as cargo's add_native_deps and add_custom_flags (compiler/mod.rs) add them.
# runtime-packages (in the stage a binary was linked in) writes the Debian packages, pinned to
# their installed versions, that hold the shared libraries the binaries name as NEEDED;
# install-runtime-packages (in the runtime image) installs those of them it lacks.
#
# The caller runs us as `env -i PATH=... KEY=VALUE... recipe-helper ...`, and that environment is
# exactly what the build script and rustc must see. So no value is ever interpreted: no eval, every
# expansion quoted, lists kept as NUL-terminated records. `bash -p` (privileged mode) does not source
# $BASH_ENV nor import functions from the environment. Children get the environment we were given
# read back from /proc, not bash's copy of it, which adds PWD, SHLVL and _ and rewrites SHELLOPTS.
# Exit codes: 1 for a failed step, 2 for a bad command line; compile exits with rustc's code.
#
# The image needs bash >= 4.4 (mapfile -d, empty arrays under set -u), /proc, and env -i, find
# -exec +, touch -h -d @EPOCH, tail -n and mkdir -p as coreutils and findutils have them;
# check-image, which the base stage runs, tries each, and that the image's rustc is the release the
# recipe was generated for, with the std of each of its targets.
if ((BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] < 404)); then
  printf 'recipe-helper: needs bash >= 4.4 (mapfile -d), the image has bash %s\n' "$BASH_VERSION" >&2
  exit 1
fi
set -euo pipefail
# Our own string handling is byte-wise whatever locale the children are given.
LC_ALL=C

readonly k_usage='usage: recipe-helper run-build-script UNIT_DIR SCRIPT MANIFEST_DIR PACKAGE_LABEL [--links-dep LINKS=RUN_UNIT_DIR]...
       recipe-helper compile UNIT_DIR [--build-script DIR] [--link-search DIR]... [--link-lib] [--bin NAME] [--cdylib] [--check-cfg] -- RUSTC_ARGV...
       recipe-helper check-image RUSTC_RELEASE [TARGET]...
       recipe-helper runtime-packages LIST_FILE BINARY...
       recipe-helper install-runtime-packages LIST_FILE...'
# Keys that the old `cargo:KEY=VALUE` syntax reserves; any other old-syntax key is metadata.
readonly -a k_reserved=(rustc-flags rustc-link-lib rustc-link-search rustc-link-arg-cdylib
  rustc-cdylib-link-arg rustc-link-arg-bins rustc-link-arg-bin rustc-link-arg-tests
  rustc-link-arg-benches rustc-link-arg-examples rustc-link-arg rustc-cfg rustc-check-cfg rustc-env
  warning rerun-if-changed rerun-if-env-changed)
# Rust's trim() strips Unicode White_Space: ASCII [[:space:]] and these, as UTF-8: U+0085 U+00A0
# U+1680 U+2000..U+200A U+2028 U+2029 U+202F U+205F U+3000.
readonly -a k_wide_spaces=($'\xc2\x85' $'\xc2\xa0' $'\xe1\x9a\x80' $'\xe2\x80\x80' $'\xe2\x80\x81'
  $'\xe2\x80\x82' $'\xe2\x80\x83' $'\xe2\x80\x84' $'\xe2\x80\x85' $'\xe2\x80\x86' $'\xe2\x80\x87'
  $'\xe2\x80\x88' $'\xe2\x80\x89' $'\xe2\x80\x8a' $'\xe2\x80\xa8' $'\xe2\x80\xa9' $'\xe2\x80\xaf'
  $'\xe2\x81\x9f' $'\xe3\x80\x80')
# Well-formed UTF-8 (no overlongs, no surrogates): cargo skips lines that are not.
readonly k_utf8=$'^([\x01-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf][\x80-\xbf]|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf][\x80-\xbf]|[\xf1-\xf3][\x80-\xbf][\x80-\xbf][\x80-\xbf]|\xf4[\x80-\x8f][\x80-\xbf][\x80-\xbf])*$'
readonly k_high_byte=$'[\x80-\xff]'

die() {
  printf 'recipe-helper: %s\n' "$1" >&2
  exit 1
}

usage() {
  printf 'recipe-helper: %s\n%s\n' "$1" "$k_usage" >&2
  exit 2
}

# The environment we were started with; entries without '=' would read as a command to env(1).
given_env=()
mapfile -d '' -t raw_env </proc/$$/environ || die "cannot read /proc/$$/environ"
for entry in "${raw_env[@]}"; do
  if [[ $entry == *=* ]]; then given_env+=("$entry"); fi
done
# NAME=VALUE entries a step adds on top of it (DEP_* for a build script, rustc-env for rustc).
extra_env=()

# Replace this process with COMMAND ARGS..., in the given environment plus `extra_env`. env(1)
# rather than `export`, since names need not be shell identifiers (DEP_FOO_INCLUDE.DIR is valid).
exec_with_env() {
  [[ $1 != *=* ]] || die "cannot run \"$1\": env(1) would read a command containing '=' as a variable"
  exec env -i -- "${given_env[@]}" "${extra_env[@]}" "$@"
}

# Read the records of FILE into the array named by $1. A missing file means a step ran out of
# order, so name it.
read_records() {
  [[ -f $2 ]] || die "$2: missing (did the run-build-script step of that unit run?)"
  mapfile -d '' -t "$1" <"$2"
}

# Write RECORDS... to FILE, NUL-terminated; an empty list makes an empty file.
write_records() {
  local file=$1
  shift
  : >"$file"
  if (($#)); then printf '%s\0' "$@" >"$file"; fi
}

# cargo's envify(): uppercase, '-' becomes '_'. Result in REPLY.
envify() {
  REPLY=${1^^}
  REPLY=${REPLY//-/_}
}

# Rust's str::trim(). Result in REPLY.
trim() {
  local s=$1 before ws
  while true; do
    before=$s
    s=${s#"${s%%[![:space:]]*}"}
    s=${s%"${s##*[![:space:]]}"}
    if [[ $s == $k_high_byte* || $s == *$k_high_byte ]]; then
      for ws in "${k_wide_spaces[@]}"; do
        s=${s#"$ws"}
        s=${s%"$ws"}
      done
    fi
    [[ $s != "$before" ]] || break
  done
  REPLY=$s
}

# Give every output the time SOURCE_DATE_EPOCH says (0 when unset): the exported files then carry
# no trace of when the step ran, which BuildKit before 0.13 does not rewrite by itself.
stamp_outputs() {
  [[ -d $1 ]] || return 0
  find "$1" -exec touch -h -d "@${SOURCE_DATE_EPOCH:-0}" {} +
}

# --- run-build-script --------------------------------------------------------------------------

# Export DEP_<LINKS>_<KEY>=VALUE for each metadata record of the build script run in RUN_UNIT_DIR.
add_dep_env() {
  local links=$1 run_unit_dir=$2 prefix record
  local -a records
  envify "$links"
  prefix=DEP_${REPLY}_
  read_records records "$run_unit_dir/metadata"
  for record in "${records[@]}"; do
    envify "${record%%=*}"
    extra_env+=("$prefix$REPLY=${record#*=}")
  done
}

is_reserved() {
  local key
  for key in "${k_reserved[@]}"; do
    if [[ $1 == "$key" ]]; then return 0; fi
  done
  return 1
}

# The parse fails the way cargo's does: at the first line it rejects, with no record written.
reject() {
  die "build script of $label printed an invalid line \"$line\": $1"
}

# cargo's parse_rustc_flags(): only -l and -L, with or without a space before the value.
parse_rustc_flags() {
  local value=$1 ws flag arg i=0
  local -a words
  for ws in "${k_wide_spaces[@]}"; do value=${value//"$ws"/ }; done
  value=${value//[$'\t\v\f\r']/ }
  read -r -a words <<<"$value"
  while ((i < ${#words[@]})); do
    flag=${words[i++]}
    [[ $flag == -[lL]* ]] || reject "only -l and -L flags are allowed in rustc-flags"
    arg=${flag:2}
    if [[ -z $arg ]]; then
      ((i < ${#words[@]})) || reject "flag \"$flag\" in rustc-flags has no value"
      arg=${words[i++]}
    fi
    if [[ $flag == -l* ]]; then link_lib+=("$arg"); else link_search+=("$arg"); fi
  done
}

# One directive KEY=VALUE into the lists of run_build_script.
add_directive() {
  local key=$1 value=$2
  case $key in
    rustc-flags) parse_rustc_flags "$value" ;;
    rustc-link-lib) link_lib+=("$value") ;;
    rustc-link-search) link_search+=("$value") ;;
    rustc-link-arg) link_arg+=("$value") ;;
    rustc-link-arg-bins) link_arg_bins+=("$value") ;;
    rustc-link-arg-bin)
      [[ $value == *=* ]] || reject "expected rustc-link-arg-bin=BIN=ARG"
      link_arg_bin+=("$value") ;;
    rustc-link-arg-cdylib | rustc-cdylib-link-arg) link_arg_cdylib+=("$value") ;;
    # A recipe never builds tests, examples or benches; cargo's "rerun" hints are moot in a stage.
    rustc-link-arg-tests | rustc-link-arg-examples | rustc-link-arg-benches) ;;
    rerun-if-changed | rerun-if-env-changed) ;;
    rustc-cfg) cfg+=("$value") ;;
    rustc-check-cfg) check_cfg+=("$value") ;;
    rustc-env)
      [[ $value == *=* ]] || reject "expected rustc-env=NAME=VALUE"
      if [[ ${value%%=*} == RUSTC_BOOTSTRAP ]]; then
        # cargo refuses to let a crate turn on nightly features, unless the user set RUSTC_BOOTSTRAP
        # for the build (then it warns). It also only warns on a nightly toolchain, unseen here.
        [[ -n ${RUSTC_BOOTSTRAP-} ]] || reject "crates cannot set RUSTC_BOOTSTRAP (set it for the whole build instead)"
        messages+=("warning: $label@build-script: ignored rustc-env=$value (crates cannot set RUSTC_BOOTSTRAP)")
      else
        rustc_env+=("$value")
      fi ;;
    warning) messages+=("warning: $label@build-script: $value") ;;
    error)
      messages+=("error: $label: $value")
      failed=true ;;
    metadata)
      [[ $value == *=* ]] || reject "expected a KEY=VALUE metadata"
      metadata+=("$value") ;;
    *) reject "unknown key \"$key\"" ;;
  esac
}

run_build_script() {
  (($# >= 4)) || usage "run-build-script needs UNIT_DIR SCRIPT MANIFEST_DIR PACKAGE_LABEL"
  local unit_dir=$1 script=$2 manifest_dir=$3 label=$4 status=0 line data failed=false
  local -a cfg=() check_cfg=() link_lib=() link_search=() link_arg=() link_arg_bins=()
  local -a link_arg_bin=() link_arg_cdylib=() rustc_env=() metadata=() messages=()
  shift 4
  while (($#)); do
    [[ $1 == --links-dep && $# -ge 2 && $2 == *=* ]] || usage "unexpected \"$1\" (expected --links-dep LINKS=RUN_UNIT_DIR)"
    add_dep_env "${2%%=*}" "${2#*=}"
    shift 2
  done
  [[ -n ${OUT_DIR-} ]] || die "OUT_DIR is not set for the build script of $label"
  # The script runs in MANIFEST_DIR, so a relative SCRIPT must be resolved first.
  [[ $script == /* ]] || script=$PWD/$script
  [[ -f $script && -x $script ]] || die "build script of $label: \"$script\" is not an executable file"
  [[ -d $manifest_dir ]] || die "build script of $label: manifest directory \"$manifest_dir\" does not exist"
  mkdir -p -- "$unit_dir" "$OUT_DIR"

  (cd -- "$manifest_dir" && exec_with_env "$script") </dev/null >"$unit_dir/output" || status=$?
  if ((status != 0)); then
    printf 'recipe-helper: build script of %s failed (exit %d); its output:\n' "$label" "$status" >&2
    tail -n 20 -- "$unit_dir/output" >&2
    exit 1
  fi

  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line == *$k_high_byte* && ! $line =~ $k_utf8 ]]; then continue; fi
    trim "$line"
    line=$REPLY
    # cargo trims the end of each value too: a no-op once the whole line is trimmed.
    if [[ $line == cargo::* ]]; then
      data=${line#cargo::}
      [[ $data == *=* ]] || reject "expected cargo::KEY=VALUE"
      add_directive "${data%%=*}" "${data#*=}"
    elif [[ $line == cargo:* ]]; then
      data=${line#cargo:}
      if [[ $data == *=* ]] && is_reserved "${data%%=*}"; then
        add_directive "${data%%=*}" "${data#*=}"
      else
        add_directive metadata "$data"
      fi
    fi
  done <"$unit_dir/output"

  write_records "$unit_dir/cfg" "${cfg[@]}"
  write_records "$unit_dir/check-cfg" "${check_cfg[@]}"
  write_records "$unit_dir/link-lib" "${link_lib[@]}"
  write_records "$unit_dir/link-search" "${link_search[@]}"
  write_records "$unit_dir/link-arg" "${link_arg[@]}"
  write_records "$unit_dir/link-arg-bins" "${link_arg_bins[@]}"
  write_records "$unit_dir/link-arg-bin" "${link_arg_bin[@]}"
  write_records "$unit_dir/link-arg-cdylib" "${link_arg_cdylib[@]}"
  write_records "$unit_dir/rustc-env" "${rustc_env[@]}"
  write_records "$unit_dir/metadata" "${metadata[@]}"
  if ((${#messages[@]})); then printf '%s\n' "${messages[@]}" >&2; fi
  stamp_outputs "$unit_dir"
  if $failed; then exit 1; fi
}

# --- compile -----------------------------------------------------------------------------------

# Append FLAG PREFIX+RECORD to `flags` for each record of FILE.
add_flags() {
  local flag=$1 prefix=$2 record
  local -a records
  read_records records "$3"
  for record in "${records[@]}"; do flags+=("$flag" "$prefix$record"); done
}

compile() {
  (($# >= 1)) || usage "compile needs UNIT_DIR"
  local unit_dir=$1 build_script='' bin='' want_link_lib=false want_cdylib=false want_check_cfg=false dir record path
  local -a search_dirs=() flags=() records=() inside=() outside=()
  shift
  while (($#)); do
    case $1 in
      # `;;&` goes on to the next patterns: check the value is there, then take it.
      --build-script | --link-search | --bin) (($# >= 2)) || usage "$1 needs a value" ;;&
      --build-script) build_script=$2; shift ;;
      --link-search) search_dirs+=("$2"); shift ;;
      --bin) bin=$2; shift ;;
      --link-lib) want_link_lib=true ;;
      --cdylib) want_cdylib=true ;;
      --check-cfg) want_check_cfg=true ;;
      --) shift; break ;;
      *) usage "compile: unexpected \"$1\"" ;;
    esac
    shift
  done
  (($#)) || usage "compile needs -- RUSTC_ARGV..."

  # -L for every build script's search paths; since cargo 1.87 those inside that script's OUT_DIR
  # (DIR/out) come first, so a library the build made wins over a system copy. Order kept within.
  for dir in "${search_dirs[@]}"; do
    read_records records "$dir/link-search"
    for record in "${records[@]}"; do
      path=$record
      case $record in native=* | crate=* | dependency=* | framework=* | all=*) path=${record#*=} ;; esac
      if [[ $path == "${dir%/}/out" || $path == "${dir%/}/out/"* ]]; then
        inside+=(-L "$record")
      else
        outside+=(-L "$record")
      fi
    done
  done
  flags+=("${inside[@]}" "${outside[@]}")

  if [[ -n $build_script ]]; then
    if $want_link_lib; then add_flags -l '' "$build_script/link-lib"; fi
    add_flags -C link-arg= "$build_script/link-arg"
    if [[ -n $bin ]]; then
      add_flags -C link-arg= "$build_script/link-arg-bins"
      read_records records "$build_script/link-arg-bin"
      for record in "${records[@]}"; do
        if [[ ${record%%=*} == "$bin" ]]; then flags+=(-C "link-arg=${record#*=}"); fi
      done
    fi
    if $want_cdylib; then add_flags -C link-arg= "$build_script/link-arg-cdylib"; fi
  fi
  # cargo also gives a cdylib the cdylib link args of every other build script it links with
  # (rust-lang/cargo#9562, kept for compatibility).
  if $want_cdylib; then
    for dir in "${search_dirs[@]}"; do
      if [[ $dir != "$build_script" ]]; then add_flags -C link-arg= "$dir/link-arg-cdylib"; fi
    done
  fi
  if [[ -n $build_script ]]; then
    add_flags --cfg '' "$build_script/cfg"
    if $want_check_cfg; then add_flags --check-cfg '' "$build_script/check-cfg"; fi
    read_records records "$build_script/rustc-env"
    extra_env+=("${records[@]}")
  fi

  mkdir -p -- "$unit_dir"
  local status=0
  (exec_with_env "$@" "${flags[@]}") || status=$?
  stamp_outputs "$unit_dir"
  exit "$status"
}

# --- check-image -------------------------------------------------------------------------------

# Fail, naming the tool, unless the image runs every command the steps above run, with the
# options they use (tried on the helper itself, which it leaves stamped like every output), and its
# rustc is release RUSTC_RELEASE with a std for each TARGET: a recipe's flags follow the toolchain
# it was generated for, and another rustc would reject them or build something else.
check_image() {
  (($# >= 1)) || usage "check-image needs the rustc release the recipe was generated for"
  local want=$1
  shift
  local self=$0
  local fix='install coreutils and findutils (on Alpine: apk add coreutils findutils)'
  env -i -- true 2>/dev/null || die "the image's env(1) cannot run \"env -i -- COMMAND\" ($fix)"
  mkdir -p -- "${self%/*}" 2>/dev/null || die "the image's mkdir(1) has no -p ($fix)"
  touch -h -d "@${SOURCE_DATE_EPOCH:-0}" -- "$self" 2>/dev/null ||
    die "the image's touch(1) cannot stamp a file with -h -d @EPOCH ($fix)"
  find "$self" -exec true {} + 2>/dev/null || die "the image's find(1) has no -exec ... {} + ($fix)"
  tail -n 1 -- "$self" >/dev/null 2>&1 || die "the image's tail(1) has no -n ($fix)"
  local have sysroot triple
  have=$(rustc -vV 2>/dev/null | sed -n 's/^release: //p') || true
  [[ $have == "$want" ]] || die "the recipe was generated for rustc $want but the image has rustc ${have:-none} \
(build on the image of the recipe's toolchain file, or regenerate with --toolchain naming this image's)"
  sysroot=$(rustc --print sysroot)
  for triple; do
    [[ -d $sysroot/lib/rustlib/$triple/lib ]] || die "the recipe builds for $triple but the image's rustc $have \
has no std for it (build on an image made for that target, or regenerate without --target $triple)"
  done
}

# --- runtime-packages, install-runtime-packages -------------------------------------------------

# readelf's "Class:" and "Machine:" lines of ELF file $1, in REPLY: a library serves a binary
# only if both match (ldconfig also lists the 32-bit copies).
elf_kind() {
  REPLY=$(readelf -h -- "$1" 2>/dev/null | sed -n 's/^ *\(Class\|Machine\): *//p') || REPLY=
}

# The package that holds file $1 (as dpkg-query -S prints it, NAME or NAME:ARCH), in REPLY; ""
# when none. /lib and /usr/lib are one folder since bookworm, but dpkg knows each file by the one
# name its package ships it under, so both spellings of the path and of its target are asked.
owning_package() {
  local path real candidate owner
  real=$(readlink -f -- "$1") || real=$1
  REPLY=
  for path in "$1" "$real"; do
    for candidate in "$path" "${path#/usr}" "/usr$path"; do
      owner=$(dpkg-query -S "$candidate" 2>/dev/null | sed -n '1s/: .*//p') || owner=
      # A diversion's line reads "diversion by ...": not an owner.
      if [[ -n $owner && $owner != *' '* && $owner != *,* ]]; then
        REPLY=$owner
        return 0
      fi
    done
  done
}

runtime_packages() {
  (($# >= 2)) || usage "runtime-packages needs LIST_FILE BINARY..."
  local list=$1 bin soname path kind lib_kind package version line
  local -a needed=() found=() pins=()
  shift
  command -v readelf >/dev/null && command -v ldconfig >/dev/null && command -v dpkg-query >/dev/null ||
    die "runtime-packages needs readelf (binutils), ldconfig and dpkg-query in the build image"
  # "soname => path" for every library the dynamic loader knows.
  mapfile -t found < <(ldconfig -p | sed -n 's/^[[:space:]]*\([^ ]*\) (.*) => \(.*\)$/\1 \2/p')
  for bin; do
    [[ -f $bin ]] || die "runtime-packages: \"$bin\" is not a file"
    elf_kind "$bin"
    kind=$REPLY
    [[ -n $kind ]] || die "runtime-packages: \"$bin\" is not an ELF file"
    mapfile -t needed < <(readelf -d --wide -- "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p')
    if ((${#needed[@]} == 0)); then
      printf 'recipe-helper: %s is statically linked: it needs no package\n' "${bin##*/}" >&2
    fi
    for soname in "${needed[@]}"; do
      package=
      for line in "${found[@]}"; do
        [[ ${line%% *} == "$soname" ]] || continue
        path=${line#* }
        elf_kind "$path"
        lib_kind=$REPLY
        [[ $lib_kind == "$kind" ]] || continue
        owning_package "$path"
        package=$REPLY
        [[ -n $package ]] || die "${bin##*/} needs $soname ($path), which no Debian package holds \
(link it statically, or install it in the runtime image yourself)"
        break
      done
      [[ -n $package ]] || die "${bin##*/} needs $soname, which the dynamic loader of the build image does not find \
(add the package that has it to the crate's hints)"
      version=$(dpkg-query -W -f='${Version}' "$package") || die "dpkg-query has no version of \"$package\""
      printf 'recipe-helper: %s needs %s from %s=%s\n' "${bin##*/}" "$soname" "$package" "$version" >&2
      pins+=("$package=$version")
    done
  done
  mkdir -p -- "${list%/*}"
  : >"$list"
  if ((${#pins[@]})); then printf '%s\n' "${pins[@]}" | sort -u >"$list"; fi
  stamp_outputs "$list"
}

install_runtime_packages() {
  (($# >= 1)) || usage "install-runtime-packages needs LIST_FILE..."
  local file pin have
  local -a pins=() want=()
  for file; do
    [[ -f $file ]] || die "install-runtime-packages: \"$file\" is not a file"
    mapfile -t -O "${#pins[@]}" pins <"$file"
  done
  # What the runtime base has, at the version the binaries were linked against, stays as it is.
  for pin in "${pins[@]}"; do
    have=$(dpkg-query -W -f='${db:Status-Abbrev}${Version}' "${pin%=*}" 2>/dev/null) || have=
    [[ $have == "ii ${pin##*=}" ]] || want+=("$pin")
  done
  if ((${#want[@]} == 0)); then
    printf 'recipe-helper: the binaries need no package beyond the runtime base\n' >&2
    return 0
  fi
  mapfile -t want < <(printf '%s\n' "${want[@]}" | sort -u)
  printf 'recipe-helper: installing %s\n' "${want[*]}" >&2
  apt-get update -qq || die "apt-get update failed in the runtime image (it needs the Debian archive)"
  apt-get install -y -qq --no-install-recommends "${want[@]}" ||
    die "apt-get could not install ${want[*]} in the runtime image (is the runtime base the build image's Debian release?)"
  rm -rf /var/lib/apt/lists/*
}

case ${1-} in
  run-build-script) shift && run_build_script "$@" ;;
  compile) shift && compile "$@" ;;
  check-image) shift && check_image "$@" ;;
  runtime-packages) shift && runtime_packages "$@" ;;
  install-runtime-packages) shift && install_runtime_packages "$@" ;;
  *) usage "unknown subcommand \"${1-}\"" ;;
esac
