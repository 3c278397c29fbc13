#!/usr/bin/env bash
# Install what building and testing cargo-recipe needs, from Debian's packages only.
# Idempotent and quiet when everything is there already (CI runs it every time).
set -euo pipefail

# The C++ toolchain and the libraries the README lists (one job each: TOML, JSON, regex,
# hashing, command line, logging, tests).
packages=(
  clang
  clang-format
  cmake
  diffoscope-minimal
  g++
  git
  iproute2
  libarchive-dev
  libclang-rt-14-dev
  libcli11-dev
  libfmt-dev
  libgtest-dev
  libre2-dev
  libspdlog-dev
  libssl-dev
  libtomlplusplus-dev
  libxxhash-dev
  ninja-build
  nlohmann-json3-dev
  pkg-config
  python3
  python3-jsonschema
  qemu-user-static  # runs the aarch64 binary of the cross e2e test
  util-linux  # script(1): the pseudo-terminal of the progress e2e test
)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
