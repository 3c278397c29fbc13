#!/usr/bin/env bash
# Regenerate the committed recipes of the bundled example workspaces. Each recipe records this
# command in its header (relative to the repository root), so `cargo-recipe audit generate
# --check recipes/` can prove it is still what the generator writes.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/cargo-recipe ] || hack/build.sh >/dev/null
for workspace in buildscripts derive hostile multi syslib; do
  build/cargo-recipe generate --manifest-path "tests/workspaces/$workspace/Cargo.toml" --offline --locked \
    --toolchain recipes/toolchains/rust-base-bookworm.toml --sources vendor=/usr/share/cargo/registry
done
# Packaging recipes (cargo-recipe install): a Debian registry crate with three binaries, and a
# bundled crate with two.
build/cargo-recipe install os_pipe@1.1.1 --sources vendor=/usr/share/cargo/registry \
  --toolchain recipes/toolchains/rust-base-bookworm.toml
build/cargo-recipe install --path tests/workspaces/twobins --offline --locked --sources vendor=/usr/share/cargo/registry \
  --toolchain recipes/toolchains/rust-base-bookworm.toml
ls recipes/*.Dockerfile
