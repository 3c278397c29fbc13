#!/bin/sh
# The cargo-chef "recipe" of a workspace, as hack/chef-style.Dockerfile uses it: copy SRC to DEST
# keeping every manifest, Cargo.lock, .cargo/ and vendor/ as they are, and every member's .rs file
# emptied (crate roots that need one get `fn main() {}`), so that a layer built from DEST changes
# only when manifests or the lockfile do.   usage: chef-skeleton.sh SRC DEST
set -eu
src=$1
dest=$2
mkdir -p "$dest"
cd "$src"
cp -a vendor .cargo Cargo.lock "$dest"/
find . -path ./vendor -prune -o -path ./target -prune -o -name Cargo.toml -print | while read -r manifest; do
  mkdir -p "$dest/$(dirname "$manifest")"
  cp "$manifest" "$dest/$manifest"
done
find . -path ./vendor -prune -o -path ./target -prune -o -name '*.rs' -print | while read -r file; do
  mkdir -p "$dest/$(dirname "$file")"
  case $file in
    */src/main.rs|*/src/bin/*|*/build.rs|*/examples/*|*/benches/*) echo 'fn main() {}' >"$dest/$file" ;;
    *) : >"$dest/$file" ;;
  esac
done
