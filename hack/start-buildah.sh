#!/usr/bin/env bash
# Make buildah (a second, daemonless engine) ready: install it if missing and give it the base
# image from the Docker daemon when it lacks it or has another one. Idempotent; prints one line.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCKER=/usr/bin/docker
image=cargo-recipe/rust-base:bookworm
if ! command -v buildah >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends buildah fuse-overlayfs >/dev/null
fi
key=$("$DOCKER" image inspect -f '{{ index .Config.Labels "org.cargo-recipe.base-key" }}' "$image")
have=$(buildah inspect --type image --format '{{ index .OCIv1.Config.Labels "org.cargo-recipe.base-key" }}' "localhost/$image" 2>/dev/null || true)
if [ "$key" != "$have" ]; then
  archive=$(mktemp --suffix=.tar)
  trap 'rm -f "$archive"' EXIT
  "$DOCKER" save "$image" -o "$archive"
  buildah pull -q "docker-archive:$archive" >/dev/null
  buildah tag "$(buildah images -q --filter reference="$image" | head -n1)" "localhost/$image" 2>/dev/null || true
fi
echo "buildah: $(buildah --version | cut -d' ' -f3) with $image"
