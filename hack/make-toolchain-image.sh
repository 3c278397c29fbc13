#!/usr/bin/env bash
# Build a toolchain image on top of the base image (hack/make-base-image.sh) from Debian's packages:
#   rust-web       rustc and cargo 1.96 (bookworm-security's rustc-web, cargo-web) instead of 1.63
#   cross-aarch64  the base's rustc 1.63 plus aarch64-unknown-linux-gnu: libstd-rust-dev:arm64,
#                  gcc-aarch64-linux-gnu, libc6-dev-arm64-cross, and arm64 enabled for apt
#   usage: make-toolchain-image.sh rust-web|cross-aarch64 [--toolchain-out FILE]
# Idempotent like make-base-image.sh: an image whose label key matches its inputs (the base
# image's id and the Dockerfile below) is reused.
set -euo pipefail

DOCKER=/usr/bin/docker
export DOCKER_BUILDKIT=1
FORMAT=1   # bump when anything below changes how the images are made
BASE=cargo-recipe/rust-base:bookworm
LABEL=org.cargo-recipe.base-key

preset=${1:?usage: make-toolchain-image.sh rust-web|cross-aarch64 [--toolchain-out FILE]}
shift
toolchain_out=
while [ $# -gt 0 ]; do
  case $1 in
    --toolchain-out) toolchain_out=${2:?--toolchain-out needs a FILE}; shift 2 ;;
    --toolchain-out=*) toolchain_out=${1#*=}; shift ;;
    *) echo "make-toolchain-image: unknown argument $1" >&2; exit 2 ;;
  esac
done

# The mirror of a suite is whatever this machine's apt uses for it (as make-base-image.sh asks).
mirror_of() {
  # shellcheck disable=SC2016  # $(...) here is apt's own format syntax
  apt-get indextargets --no-release-info --format '$(RELEASE) $(REPO_URI)' 'Created-By: Packages' \
    | awk -v s="$1" '$1 == s { print $2; exit }'
}
install='apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends'
targets=()
case $preset in
  rust-web)
    name=cargo-recipe/cross-rust-web:bookworm
    security=$(mirror_of bookworm-security)
    [ -n "$security" ] || { echo "make-toolchain-image: no apt source for bookworm-security" >&2; exit 1; }
    # rustc-web conflicts with rustc: apt replaces 1.63 by 1.96 (and cargo by cargo-web).
    dockerfile="FROM $BASE
RUN echo 'deb $security bookworm-security main' >/etc/apt/sources.list.d/security.list \\
 && $install rustc-web cargo-web && rm -rf /var/lib/apt/lists/*"
    ;;
  cross-aarch64)
    name=cargo-recipe/cross-rust-aarch64:bookworm
    # The recipe's stages install the target's -dev packages as name:arm64 (docs/cross.md); the
    # host's pkg-config finds their .pc files through PKG_CONFIG_LIBDIR_<triple>.
    dockerfile="FROM $BASE
RUN dpkg --add-architecture arm64 \\
 && $install libstd-rust-dev:arm64 gcc-aarch64-linux-gnu libc6-dev-arm64-cross && rm -rf /var/lib/apt/lists/*"
    targets=("aarch64-unknown-linux-gnu:arm64:aarch64-linux-gnu-gcc:aarch64-linux-gnu-gcc:PKG_CONFIG_LIBDIR_aarch64_unknown_linux_gnu=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
    ;;
  *) echo "make-toolchain-image: unknown image \"$preset\" (rust-web or cross-aarch64)" >&2; exit 2 ;;
esac

"$DOCKER" image inspect "$BASE" >/dev/null 2>&1 \
  || { echo "make-toolchain-image: no $BASE; run hack/make-base-image.sh first" >&2; exit 1; }
base_id=$("$DOCKER" image inspect -f '{{.Id}}' "$BASE")
key=$(printf '%s\n' "$FORMAT" "$base_id" "$dockerfile" | sha256sum | cut -d' ' -f1)
have=$("$DOCKER" image inspect -f "{{ index .Config.Labels \"$LABEL\" }}" "$name" 2>/dev/null || true)
old_id=$("$DOCKER" image inspect -f '{{.Id}}' "$name" 2>/dev/null || true)
if [ "$have" = "$key" ]; then
  echo "make-toolchain-image: reused $name (key ${key:0:12})"
else
  start=$SECONDS
  context=$(mktemp -d)
  trap 'rm -rf "$context"' EXIT
  printf '%s\n' "$dockerfile" >"$context/Dockerfile"
  "$DOCKER" build -q --label "$LABEL=$key" -t "$name" "$context" >/dev/null
  [ -z "$old_id" ] || "$DOCKER" rmi "$old_id" >/dev/null 2>&1 || true
  echo "make-toolchain-image: built $name (key ${key:0:12}) in $((SECONDS - start)) s"
fi

if [ -n "$toolchain_out" ]; then
  "$(dirname "$0")/write-toolchain-file.sh" "$name" "$toolchain_out" "${targets[@]}"
fi
