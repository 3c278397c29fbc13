#!/usr/bin/env bash
# The command line as users meet it: exit codes, one-line errors that name the file, nothing
# half-written on failure, and output that does not depend on locale, timezone or directory.
set -uo pipefail
bin=$(readlink -f "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
fixtures=$here/fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0

# shellcheck source=../support/check_command.sh
source "$here/support/check_command.sh"

for f in "$fixtures"/guppy/invalid/*.json; do
  check "invalid $(basename "$f")" 2 "$(basename "$f"): " -- plan --metadata "$f"
done
head -c 3000 "$fixtures/guppy/small/metadata1.json" >"$work/truncated.json"
check truncated 2 "truncated.json:" -- plan --metadata "$work/truncated.json"
sed "s/^    \"version\": 1,/    \"version\": 9,/" "$fixtures/guppy/small/metadata1.json" >"$work/v9.json"
check "wrong version" 2 "unsupported metadata format version" -- plan --metadata "$work/v9.json"
printf 'version = 5\n' >"$work/Cargo.lock"
check "unknown lockfile version" 2 "Cargo.lock:1:11: unknown lockfile version 5" -- \
  plan --metadata "$fixtures/guppy/small/metadata1.json" --lockfile "$work/Cargo.lock"
check "lockfile disagrees" 2 "disagrees with the metadata" -- \
  plan --metadata "$fixtures/guppy/small/metadata1.json" --lockfile "$fixtures/cargo-lock/ripgrep/Cargo.lock"
check "missing file" 2 "nope.json: cannot read" -- plan --metadata "$work/nope.json"
check "directory as metadata" 2 "cannot read: Is a directory" -- plan --metadata "$work"
check "directory as lockfile" 2 "cannot read: Is a directory" -- \
  plan --metadata "$fixtures/guppy/small/metadata1.json" --lockfile "$work"
check "unknown option" 2 "--frobnicate" -- plan --frobnicate
check "unknown bin" 2 'no bin target named "nope"' -- plan --metadata "$fixtures/guppy/small/metadata1.json" --bin nope

# Hints: an invalid file, an unknown distro.
printf '[crates.libz-sys]\ndnf = ["zlib-devel"]\n' >"$work/bad-hints.toml"
check "invalid hints file" 2 "bad-hints.toml:2:7: crates.libz-sys: unknown distro package list \"dnf\"" -- \
  generate --metadata "$fixtures/guppy/small/metadata1.json" --hints "$work/bad-hints.toml"
check "unknown distro" 2 'unknown distro "alpin", did you mean "alpine"?' -- \
  generate --metadata "$fixtures/guppy/small/metadata1.json" --distro alpin

# install: each mistake a one-line error, exit 2, nothing written.
registry=/usr/share/cargo/registry
mkdir -p "$work/twice"
cp -r $registry/os_pipe-1.1.1 "$work/twice/os_pipe"
cp -r $registry/os_pipe-1.1.1 "$work/twice/os_pipe-1.1.1"
check "install: unknown crate" 2 'no crate "no-such-crate" in /usr/share/cargo/registry' -- \
  install no-such-crate --sources vendor=$registry
check "install: unknown version" 2 'no version of "os_pipe" matching "9.9.9" in /usr/share/cargo/registry (there: ' -- \
  install os_pipe@9.9.9 --sources vendor=$registry
check "install: unknown bin" 2 'no bin target named "nope" (available: "cat", "cat_both", "swap")' -- \
  install os_pipe --bin nope --sources vendor=$registry
check "install: conflicting git options" 2 "--rev, --tag and --branch name one commit: give only one of them" -- \
  install twobins --git "file://$work/nowhere" --rev 0123abc --tag v1
check "install: --rev without --git" 2 "--rev needs --git URL" -- install twobins --rev 0123abc
check "install: --git with --path" 2 "--git and --path are two sources of the crate" -- \
  install --git "file://$work/nowhere" --path "$here/workspaces/twobins"
check "install: --path without a manifest" 2 "--path $work: no Cargo.toml there" -- install --path "$work"
check "install: a package without binaries" 2 "fixture-meta@0.1.0 has no binaries to install" -- \
  install --path "$here/workspaces/buildscripts/meta" --offline --sources vendor=$registry
check "install: bins gated by features left out" 2 \
  'pulldown-cmark@0.9.2: none of its binaries is available with the selected features: bin "pulldown-cmark" requires "getopts" (pass --features getopts)' -- \
  install pulldown-cmark@0.9.2 --no-default-features --sources vendor=$registry
check "install: a vendor folder holding one crate twice" 2 "both hold os_pipe 1.1.1 (a vendor folder holds each crate version once" -- \
  install os_pipe --sources vendor=$work/twice
check "install: from crates.io, offline" 2 "needs the network" -- install os_pipe

# The helper travels beside the recipe: written with it, and a build without it, or with another
# one, stops before any engine runs, naming the file and the command that writes it.
toolchain=$here/../recipes/toolchains/rust-base-bookworm.toml
"$bin" install os_pipe@1.1.1 --sources vendor=$registry --toolchain "$toolchain" -o "$work/r/os_pipe.Dockerfile" 2>/dev/null
if cmp -s "$work/r/recipe-helper.sh" "$here/../generator/emit/recipe-helper.sh" &&
  ! grep -q 'BuildOutput::parse' "$work/r/os_pipe.Dockerfile"; then
  passes=$((passes + 1))
else
  echo "FAIL: generate did not write the helper beside the recipe, or the recipe still carries it"
  failures=$((failures + 1))
fi
mv "$work/r/recipe-helper.sh" "$work/helper.sh"
check "build: helper missing" 2 "$work/r/recipe-helper.sh: missing: $work/r/os_pipe.Dockerfile copies this helper into its base stage (regenerate with the command its" -- \
  build "$work/r/os_pipe.Dockerfile" --context "$work" --vendor $registry
{ cat "$work/helper.sh"; echo "# edited"; } >"$work/r/recipe-helper.sh"
check "build: helper stale" 2 "$work/r/recipe-helper.sh: not the helper $work/r/os_pipe.Dockerfile was generated with" -- \
  build "$work/r/os_pipe.Dockerfile" --context "$work" --vendor $registry
"$bin" audit generate --check "$work/r" >"$work/drift.txt" 2>/dev/null
drift=$?
if [[ $drift -eq 1 ]] && grep -qF "$work/r/recipe-helper.sh" "$work/drift.txt"; then
  passes=$((passes + 1))
else
  echo "FAIL: audit generate --check: exit $drift (want 1), the stale helper named: $(cat "$work/drift.txt")"
  failures=$((failures + 1))
fi

# The same plan whatever the locale, timezone, working directory or extra environment.
meta=$fixtures/guppy/guppy/metadata_guppy_c9b4f76.json
"$bin" plan --metadata "$meta" --format json -o "$work/a.json"
(cd / && LANG=tr_TR.UTF-8 LC_ALL=tr_TR.UTF-8 TZ=Pacific/Kiritimati NOISE=1 "$bin" plan --metadata "$meta" --format json) >"$work/b.json"
if cmp -s "$work/a.json" "$work/b.json"; then
  passes=$((passes + 1))
else
  echo "FAIL: plan differs across environments"
  failures=$((failures + 1))
fi
# `cargo recipe ...` runs `cargo-recipe recipe ...`.
if "$bin" recipe plan --metadata "$meta" --format json | cmp -s - "$work/a.json"; then
  passes=$((passes + 1))
else
  echo "FAIL: cargo subcommand form differs"
  failures=$((failures + 1))
fi
echo "cli: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
