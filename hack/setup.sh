#!/usr/bin/env bash
# From a fresh machine: install everything cargo-recipe needs, build it, and run the main job on
# a bundled example: generate the recipe of tests/workspaces/buildscripts and build it with
# BuildKit into example-bin/, then run the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
hack/install-deps.sh
hack/install-crates.sh
hack/start-dockerd.sh
hack/make-base-image.sh
hack/build.sh
example=tests/workspaces/buildscripts
recipe=$(mktemp --suffix=.Dockerfile)
trap 'rm -f "$recipe"' EXIT
echo "setup: generating the recipe of $example"
build/cargo-recipe generate --manifest-path "$example/Cargo.toml" --offline --locked \
  --toolchain recipes/toolchains/rust-base-bookworm.toml --sources vendor=/usr/share/cargo/registry -o "$recipe"
echo "setup: building it with BuildKit"
build/cargo-recipe build "$recipe" --context "$example" --vendor /usr/share/cargo/registry -o example-bin
echo "setup: running example-bin/buildscripts-fixture"
example-bin/buildscripts-fixture
