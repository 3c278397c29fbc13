#!/usr/bin/env bash
# The whole test suite, from a fresh machine: install what is missing, start the build engine,
# make (or reuse) the base image, build, run every test. .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
hack/install-deps.sh
hack/install-crates.sh
hack/start-dockerd.sh
# The committed toolchain file must describe the image the recipes run on.
toolchain=$(mktemp)
trap 'rm -f "$toolchain"' EXIT
hack/make-base-image.sh --toolchain-out "$toolchain"
if ! cmp -s "$toolchain" recipes/toolchains/rust-base-bookworm.toml; then
  echo "test: the base image's toolchain differs from recipes/toolchains/rust-base-bookworm.toml:" >&2
  diff "$toolchain" recipes/toolchains/rust-base-bookworm.toml >&2 || true
  exit 1
fi
# The same for the toolchain images: rustc 1.96 and the aarch64 cross image (reused when their key matches).
for image in rust-web:cross-rust-web cross-aarch64:cross-rust-aarch64; do
  hack/make-toolchain-image.sh "${image%%:*}" --toolchain-out "$toolchain"
  if ! cmp -s "$toolchain" "recipes/toolchains/${image#*:}-bookworm.toml"; then
    echo "test: the ${image%%:*} image's toolchain differs from recipes/toolchains/${image#*:}-bookworm.toml:" >&2
    diff "$toolchain" "recipes/toolchains/${image#*:}-bookworm.toml" >&2 || true
    exit 1
  fi
done
# The image recipes' runtime stage starts from.
hack/make-base-image.sh --runtime
hack/start-buildah.sh
hack/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
