#!/usr/bin/env bash
# Capture the progress fixtures of tests/fixtures/engine-logs from a real build: the multi
# workspace built once (to warm the cache), its util member edited, built again with --log.
# Writes buildkit-multi-member-edit.log (the log's stage, CACHED, DONE and ERROR lines, cut to
# 160 characters) and multi-stages.Dockerfile (the recipe's FROM lines, unit comments, and each
# stage it reads as one "COPY --from=" or "RUN --mount=...,from=" line) into OUT (default: tests/fixtures/engine-logs). Needs dockerd and a built cargo-recipe.
# usage: hack/make-progress-fixtures.sh [CARGO_RECIPE [OUT]]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tool=$(readlink -f "${1:-$root/build/cargo-recipe}")
out=$(readlink -f "${2:-$root/tests/fixtures/engine-logs}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/tests/workspaces/multi" "$work/multi"
cd "$work/multi"
"$tool" generate --manifest-path Cargo.toml --offline --locked --toolchain "$root/recipes/toolchains/rust-base-bookworm.toml" \
  --sources vendor=/usr/share/cargo/registry -o "$work/multi.Dockerfile"
build() { "$tool" build "$work/multi.Dockerfile" --context . --vendor /usr/share/cargo/registry -o "$work/bin" --log "$1" >/dev/null; }
build "$work/first.log"
echo "pub fn recipe_edit_marker() -> u64 { 0x$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n') }" >>util/src/lib.rs
build "$work/edit.log"
grep -E '^#[0-9]+ (\[|DONE|CACHED|ERROR)' "$work/edit.log" | cut -c1-160 >"$out/buildkit-multi-member-edit.log"
grep -E '^FROM |^# [a-z-]+ [^ ]+@|from=' "$work/multi.Dockerfile" | sed -E 's/^ +//' |
  grep -oE '^FROM .*|^# .*|(--)?from=[A-Za-z0-9._-]+' |
  sed -E 's|^--from=(.*)|COPY --from=\1 /x /x|; s|^from=(.*)|RUN --mount=type=bind,from=\1,target=/x true|' \
    >"$out/multi-stages.Dockerfile"
echo "make-progress-fixtures: wrote $out/buildkit-multi-member-edit.log and $out/multi-stages.Dockerfile"
