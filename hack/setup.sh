#!/usr/bin/env bash
# From a fresh machine: install everything cargo-recipe needs, build it, and run the main job
# on a bundled example workspace (tests/workspaces/buildscripts).
set -euo pipefail
cd "$(dirname "$0")/.."
hack/install-deps.sh
hack/install-crates.sh
hack/build.sh
example=tests/workspaces/buildscripts
echo "setup: planning $example"
build/cargo-recipe plan --manifest-path "$example/Cargo.toml" --offline --locked
