#!/usr/bin/env bash
# Rewrite tests/golden/*/expected.Dockerfile from the current generator; review with git diff.
set -euo pipefail
cd "$(dirname "$0")/.."
hack/build.sh >/dev/null
UPDATE_GOLDEN=1 build/tests/unit_tests --gtest_filter='Golden.*'
git status --short tests/golden
