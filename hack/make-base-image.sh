#!/usr/bin/env bash
# Build the offline Rust base image (no registry can be pulled from here) with
# debootstrap and `docker import` it; with --runtime, the image recipes' runtime stage starts
# from instead: the same suite and mirror, minbase alone (apt, dpkg, bash), no toolchain.
#   usage: make-base-image.sh [NAME] [--toolchain-out FILE] [--runtime]
# Idempotent: an image NAME whose label key matches this script's inputs is reused,
# because CI runs this every time and debootstrap costs ~1 min.
set -euo pipefail

DOCKER=/usr/bin/docker   # not /usr/local/bin/docker: that client has no BuildKit
export DOCKER_BUILDKIT=1

# --- inputs: everything that decides the image's content goes into the key -----
FORMAT=3                 # bump when anything below changes how the image is made
SUITE=bookworm
VARIANT=minbase
PACKAGES=rustc,cargo,gcc,libc6-dev
ARCH=$(dpkg --print-architecture)
LABEL=org.cargo-recipe.base-key
# docker import gives an image with no config at all; set what RUN steps expect.
CHANGES=('ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
         'ENV LANG=C.UTF-8' 'CMD ["/bin/bash"]')

name=
toolchain_out=
runtime=false
while [ $# -gt 0 ]; do
  case $1 in
    --runtime) runtime=true; shift ;;
    --toolchain-out) toolchain_out=${2:?--toolchain-out needs a FILE}; shift 2 ;;
    --toolchain-out=*) toolchain_out=${1#*=}; shift ;;
    -*) echo "make-base-image: unknown option $1" >&2; exit 2 ;;
    *) name=$1; shift ;;
  esac
done
if $runtime; then
  PACKAGES=
  [ -z "$toolchain_out" ] || { echo "make-base-image: the runtime image has no toolchain (drop --toolchain-out)" >&2; exit 2; }
fi
[ -n "$name" ] || { if $runtime; then name=cargo-recipe/runtime-base:$SUITE; else name=cargo-recipe/rust-base:$SUITE; fi; }

"$DOCKER" info >/dev/null 2>&1 \
  || { echo "make-base-image: no Docker daemon answers; run hack/start-dockerd.sh" >&2; exit 1; }

key=$(printf '%s\n' "$FORMAT" "$SUITE" "$VARIANT" "$PACKAGES" "$ARCH" "${CHANGES[@]}" \
      | sha256sum | cut -d' ' -f1)

have=$("$DOCKER" image inspect -f "{{ index .Config.Labels \"$LABEL\" }}" "$name" 2>/dev/null || true)
old_id=$("$DOCKER" image inspect -f '{{.Id}}' "$name" 2>/dev/null || true)
if [ "$have" = "$key" ]; then
  echo "make-base-image: reused $name (key ${key:0:12})"
else
  command -v debootstrap >/dev/null || {
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  }
  # The mirror is whatever this machine's apt uses for $SUITE: ask apt itself
  # (it parses sources.list, *.list and deb822 *.sources); never hard-code one.
  # shellcheck disable=SC2016  # $(...) here is apt's own format syntax
  mirror=$(apt-get indextargets --no-release-info --format '$(RELEASE) $(REPO_URI)' \
             'Created-By: Packages' | awk -v s="$SUITE" '$1 == s { print $2; exit }')
  [ -n "$mirror" ] || { echo "make-base-image: no apt source for suite $SUITE" >&2; exit 1; }

  root=$(mktemp -d "${TMPDIR:-/tmp}/rust-base.XXXXXX")
  # debootstrap mounts proc/sys inside; a failed run can leave them mounted, so
  # unmount before deleting and never cross into another filesystem.
  cleanup() {
    for m in "$root/proc" "$root/sys" "$root/dev/pts"; do umount -l "$m" 2>/dev/null || true; done
    rm -rf --one-file-system "$root"
  }
  trap cleanup EXIT

  start=$SECONDS
  include=(); [ -z "$PACKAGES" ] || include=(--include="$PACKAGES")
  debootstrap --variant="$VARIANT" "${include[@]}" --arch="$ARCH" \
    "$SUITE" "$root" "$mirror" >"$root.log" 2>&1 \
    || { echo "make-base-image: debootstrap failed; see $root.log" >&2; exit 1; }
  # Two runs give byte-identical file contents; only install-time mtimes differ.
  # Clamp those to the archive's Release date (package files are all older), so
  # the same mirror state gives the same layer digest.
  rel=$(sed -n 's/^Date: //p' "$root"/var/lib/apt/lists/*Release 2>/dev/null | head -n1 || true)
  clamp=(); [ -z "$rel" ] || clamp=(--mtime="@$(date -d "$rel" +%s)" --clamp-mtime)
  # Drop what varies from run to run or is useless offline: smaller, steadier image.
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin \
         "$root"/var/lib/apt/lists/* "$root"/var/log/* "$root"/var/cache/ldconfig/aux-cache \
         "$root"/var/lib/dpkg/*-old "$root"/debootstrap "$root"/tmp/* "$root"/root/.cache \
         "$root"/usr/share/doc "$root"/usr/share/man "$root"/usr/share/info "$root"/usr/share/locale
  chg=(); for c in "${CHANGES[@]}"; do chg+=(--change "$c"); done
  tar -C "$root" --numeric-owner --sort=name "${clamp[@]}" -c . \
    | "$DOCKER" import "${chg[@]}" --change "LABEL $LABEL=$key" - "$name" >/dev/null
  rm -f "$root.log"
  # The stale image would linger untagged (~800 MB); drop it unless still in use.
  [ -z "$old_id" ] || "$DOCKER" rmi "$old_id" >/dev/null 2>&1 || true
  echo "make-base-image: built $name (key ${key:0:12}) in $((SECONDS - start)) s"
fi

# The toolchain as cargo-recipe sees it; --network none proves it works offline.
if [ -n "$toolchain_out" ]; then
  vv=$("$DOCKER" run --rm --network none "$name" rustc -vV)
  cfg=$("$DOCKER" run --rm --network none "$name" rustc --print cfg)
  # TOML basic multi-line strings: escape backslashes; the closing quotes go on
  # their own line so a value ending in '"' (cfg does) cannot merge with them.
  esc() { printf '%s' "$1" | sed 's/\\/\\\\/g'; }
  # The distro family decides which package manager installs hints (docs/hints.md).
  distro=$("$DOCKER" run --rm --network none "$name" sh -c '. /etc/os-release && printf %s "$ID"')
  printf 'distro = "%s"\nrustc_vv = """\n%s\n"""\ncfg = """\n%s\n"""\n' "$distro" "$(esc "$vv")" "$(esc "$cfg")" \
    >"$toolchain_out"
fi
