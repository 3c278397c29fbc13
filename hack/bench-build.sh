#!/usr/bin/env bash
# Recipe builds against a cargo-chef-style Dockerfile (hack/chef-style.Dockerfile): cold, after an
# edit, after a dependency's feature change; times, ratios and where the recipe build's time went.
#   hack/bench-build.sh tests/workspaces/large --feature Cargo.toml:smallvec:union
#   hack/bench-build.sh tests/workspaces/multi --edit app/src/main.rs --feature util/Cargo.toml:serde_json:preserve_order
# Wipes the daemon's build cache: run it on a machine doing nothing else (see hack/bench_build.py).
set -euo pipefail
exec python3 "$(dirname "$0")/bench_build.py" "$@"
