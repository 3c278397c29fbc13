#!/usr/bin/env bash
# The whole test suite, from a fresh machine: install what is missing, build, run every test.
# .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
hack/install-deps.sh
hack/install-crates.sh
hack/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
