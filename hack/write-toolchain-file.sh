#!/usr/bin/env bash
# Write the toolchain file cargo-recipe reads (--toolchain FILE) for a build image: its rustc -vV,
# rustc --print cfg and os-release ID, and for each cross target the image supports a
# [target.TRIPLE] table with that target's cfg, Debian architecture, linker and C compiler, and the environment
# its build scripts need (cargo's `[target.TRIPLE] linker` and the cc crate's CC_<triple>).
#   usage: write-toolchain-file.sh IMAGE FILE [TRIPLE:DEB_ARCH:LINKER:CC[:ENV=VALUE,...]]...
# Every query runs with --network none: the image must answer offline.
set -euo pipefail

DOCKER=/usr/bin/docker
image=${1:?usage: write-toolchain-file.sh IMAGE FILE [TRIPLE:DEB_ARCH:LINKER:CC[:ENV=VALUE,...]]...}
out=${2:?usage: write-toolchain-file.sh IMAGE FILE [TRIPLE:DEB_ARCH:LINKER:CC[:ENV=VALUE,...]]...}
shift 2

in_image() { "$DOCKER" run --rm --network none "$image" "$@"; }
# TOML basic multi-line strings: escape backslashes; the closing quotes go on their own line so a
# value ending in '"' (cfg does) cannot merge with them.
esc() { printf '%s' "$1" | sed 's/\\/\\\\/g'; }

vv=$(in_image rustc -vV)
cfg=$(in_image rustc --print cfg)
# The distro family decides which package manager installs hints (docs/hints.md).
distro=$(in_image sh -c '. /etc/os-release && printf %s "$ID"')
{
  printf 'distro = "%s"\nrustc_vv = """\n%s\n"""\ncfg = """\n%s\n"""\n' "$distro" "$(esc "$vv")" "$(esc "$cfg")"
  for spec in "$@"; do
    IFS=: read -r triple deb_arch linker cc env <<<"$spec"
    target_cfg=$(in_image rustc --print cfg --target "$triple")
    # The target's std must be in the image, or the toolchain file would promise a target that
    # cannot build: rustc finds libcore only when it is installed.
    in_image sh -c "rustc --print sysroot | xargs -I{} ls -d {}/lib/rustlib/$triple/lib" >/dev/null \
      || { echo "write-toolchain-file: $image has no std for $triple" >&2; exit 1; }
    in_image sh -c "command -v $linker && command -v $cc" >/dev/null \
      || { echo "write-toolchain-file: $image has no $linker or $cc" >&2; exit 1; }
    # DEB_ARCH: the Debian architecture whose -dev packages hold the target's libraries
    # (zlib1g-dev:arm64); the image must have it enabled.
    in_image dpkg --print-foreign-architectures | grep -qx "$deb_arch" \
      || { echo "write-toolchain-file: $image has no foreign architecture $deb_arch" >&2; exit 1; }
    printf '\n[target.%s]\ndeb_arch = "%s"\nlinker = "%s"\ncc = "%s"\ncfg = """\n%s\n"""\n' \
      "$triple" "$deb_arch" "$linker" "$cc" "$(esc "$target_cfg")"
    if [ -n "$env" ]; then
      printf '[target.%s.env]\n' "$triple"
      IFS=, read -ra pairs <<<"$env"
      for pair in "${pairs[@]}"; do printf '%s = "%s"\n' "${pair%%=*}" "${pair#*=}"; done
    fi
  done
} >"$out"
