#!/usr/bin/env bash
# cargo-recipe install without an engine: the recipe of a crate with several binaries lists them
# all, sorted; ten generations give the same bytes; a --git install from a local repository pins
# the commit (name and header), whatever branch or tag asked for it; audit generate --check
# regenerates such recipes; --path and --git resolve without dev-dependencies.
set -uo pipefail
bin=$(readlink -f "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
registry=/usr/share/cargo/registry
toolchain=$root/recipes/toolchains/rust-base-bookworm.toml
failures=0
passes=0
expect() {  # expect DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}

# A registry crate with three binaries: all of them, sorted, in the final stage.
"$bin" install os_pipe@1.1.1 --sources vendor=$registry --toolchain "$toolchain" -o "$work/os_pipe.Dockerfile"
expect "the header lists the binaries sorted" grep -qx '# binaries: cat cat_both swap' "$work/os_pipe.Dockerfile"
finals=$(sed -n '/^FROM scratch AS binaries$/,$p' "$work/os_pipe.Dockerfile" | grep -o ' /[a-z_-]*$' | tr -d ' /' | tr '\n' ' ')
expect "the final stage holds cat, cat_both and swap in that order (got: $finals)" test "$finals" = "cat cat_both swap "
expect "the crate is fetched like any dependency" grep -q '^COPY vendor/os_pipe-1.1.1 /recipe/src/os_pipe-1.1.1$' \
  "$work/os_pipe.Dockerfile"
for i in $(seq 2 10); do
  "$bin" install os_pipe@1.1.1 --sources vendor=$registry --toolchain "$toolchain" -o "$work/again.Dockerfile"
  expect "generation $i is byte-identical" cmp -s "$work/os_pipe.Dockerfile" "$work/again.Dockerfile"
done
"$bin" install os_pipe --bin swap --bin cat --sources vendor=$registry --toolchain "$toolchain" -o "$work/two.Dockerfile"
expect "--bin picks binaries, listed sorted" grep -qx '# binaries: cat swap' "$work/two.Dockerfile"

# cargo install's rules. pulldown-cmark's dev-dependencies (html5ever, ...) are not in Debian's
# folder: cargo install never resolves them, and neither does install.
"$bin" install pulldown-cmark@0.9.2 --sources vendor=$registry --toolchain "$toolchain" -o "$work/cmark.Dockerfile"
expect "a crate whose dev-dependencies do not resolve installs" grep -qx '# binaries: pulldown-cmark' "$work/cmark.Dockerfile"
expect "no dev-dependency reaches the recipe" bash -c "! grep -q 'html5ever\|tendril' '$work/cmark.Dockerfile'"
# Its binary requires the feature getopts: without it, nothing is left to install (errors_test.sh),
# with it asked for by name the recipe is the default one's.
"$bin" install pulldown-cmark@0.9.2 --no-default-features --features getopts --sources vendor=$registry \
  --toolchain "$toolchain" -o "$work/cmark-getopts.Dockerfile"
expect "--features getopts brings the gated binary back" grep -qx '# binaries: pulldown-cmark' "$work/cmark-getopts.Dockerfile"
expect "the getopts library is built for it" grep -q '^# lib getopts@0.2.21 getopts' "$work/cmark-getopts.Dockerfile"
# --locked on a crate that ships no Cargo.lock: cargo install warns and resolves afresh.
"$bin" install os_pipe@1.1.1 --locked --sources vendor=$registry --toolchain "$toolchain" -o "$work/locked.Dockerfile" \
  2>"$work/locked.err"
expect "--locked without a published Cargo.lock warns" grep -q 'os_pipe@1.1.1 ships no Cargo.lock' "$work/locked.err"
expect "... and gives the recipe resolved afresh" cmp -s <(grep -v '^# cargo-recipe-' "$work/os_pipe.Dockerfile") \
  <(grep -v '^# cargo-recipe-' "$work/locked.Dockerfile")
expect "... whose header records --locked" grep -q '^# cargo-recipe-request/1: .*"locked":true' "$work/locked.Dockerfile"

# --git from a local repository, on a branch: the recipe is named by, and records, the commit.
repo=$work/repo
cp -r "$here/workspaces/twobins" "$repo"
git -C "$repo" init -q -b main
git -C "$repo" add -A
git -C "$repo" -c user.email=ci@example.invalid -c user.name=ci commit -qm "twobins"
commit=$(git -C "$repo" rev-parse HEAD)
mkdir "$work/project"
(cd "$work/project" && "$bin" install --git "file://$repo" --branch main --offline --locked --sources vendor=$registry \
  --toolchain "$toolchain")
recipe=$work/project/recipes/twobins@${commit:0:12}.Dockerfile
expect "a git install is named NAME@COMMIT" test -f "$recipe"
expect "its header pins --rev COMMIT, not the branch" grep -q -- "^# cargo-recipe-command: .* --rev $commit " "$recipe"
expect "its request pins the commit" grep -q -- "^# cargo-recipe-request/1: .*\"rev\":\"$commit\"" "$recipe"
expect "the branch is not recorded" bash -c "! grep -q -- '--branch' '$recipe'"
expect "both binaries, cargo-kani first" grep -qx '# binaries: cargo-kani kani' "$recipe"
mkdir -p "$work/project/recipes/toolchains" && cp "$toolchain" "$work/project/recipes/toolchains/"
(cd "$work/project" && "$bin" audit generate --check recipes/ >"$work/check.out" 2>&1)
expect "audit generate --check regenerates the git install from its header" test $? -eq 0


# install --path and --git resolve as cargo install does: without any member's dev-dependencies
# (here one no registry has), and without writing into the crate's folder; cargo install agrees.
# A crate with a path dependency beside it and a dev-dependency that exists nowhere.
crate=$work/tool
mkdir -p "$crate/src" "$work/helper/src" "$crate/.cargo"
printf '[package]\nname = "helper"\nversion = "0.1.0"\nedition = "2021"\n\n[dev-dependencies]\nalso-nowhere = "1"\n' \
  >"$work/helper/Cargo.toml"
printf 'pub fn name() -> &'"'"'static str { "tool" }\n' >"$work/helper/src/lib.rs"
printf '[package]\nname = "tool"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nhelper = { path = "../helper" }\ncfg-if = "1"\n\n[dev-dependencies]\nno-such-crate-anywhere = "9.9"\n' \
  >"$crate/Cargo.toml"
printf 'fn main() { println!("{}", helper::name()); }\n' >"$crate/src/main.rs"
cp "$here/workspaces/syslib/.cargo/config.toml" "$crate/.cargo/"
before=$(cd "$crate" && find . -printf '%p %s\n' | sort | sha256sum)

expect "cargo metadata itself fails on the dev-dependency (else this proves nothing)" \
  bash -c "cd '$crate' && ! cargo metadata --format-version 1 --offline >/dev/null 2>&1"
(cd "$crate" && "$bin" install --path . --offline --sources vendor=$registry --toolchain "$toolchain" \
  -o "$work/path.Dockerfile" 2>"$work/path.err")
status=$?
expect "install --path succeeds: $(tail -1 "$work/path.err")" test $status -eq 0
expect "... with the binary" grep -qx '# binaries: tool' "$work/path.Dockerfile"
expect "... its path dependency planned" grep -q '^# lib helper@0.1.0 helper' "$work/path.Dockerfile"
expect "... and no dev-dependency" bash -c "! grep -q 'no-such-crate\|also-nowhere' '$work/path.Dockerfile'"
expect "the crate's folder is as it was (no Cargo.lock written)" \
  test "$(cd "$crate" && find . -printf '%p %s\n' | sort | sha256sum)" = "$before"
(cd "$crate" && cargo install --path . --offline --root "$work/cargo-root" >/dev/null 2>&1)
expect "cargo install agrees" test -x "$work/cargo-root/bin/tool"

# The same from git: the checkout's members lose their dev-dependencies too.
repo=$work/tool-repo
mkdir -p "$repo" && cp -r "$crate" "$repo/tool" && cp -r "$work/helper" "$repo/helper"
printf '[workspace]\nmembers = ["tool", "helper"]\n' >"$repo/Cargo.toml"
# cargo plans a git install from the checkout's root, where it reads the offline registry's config.
cp -r "$crate/.cargo" "$repo/.cargo"
git -C "$repo" init -q -b main && git -C "$repo" add -A
git -C "$repo" -c user.email=ci@example.invalid -c user.name=ci commit -qm tool
(cd "$crate" && "$bin" install tool --git "file://$repo" --offline --sources vendor=$registry --toolchain "$toolchain" \
  -o "$work/git.Dockerfile" 2>"$work/git.err")
status=$?
expect "install --git succeeds: $(tail -1 "$work/git.err")" test $status -eq 0
expect "... with the binary" grep -qx '# binaries: tool' "$work/git.Dockerfile"

echo "install: $passes passed, $failures failed"
exit $((failures > 0))
