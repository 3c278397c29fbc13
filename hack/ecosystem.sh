#!/usr/bin/env bash
# The ecosystem run: Debian bookworm's Rust crates through cargo-recipe, against cargo in the same
# image with the same system packages (hack/ecosystem.py says what is compared and how).
#
#   hack/ecosystem.sh extract DIR            download every librust-*-dev .deb of the machine's apt
#                                            sources into DIR/debs and unpack them into DIR/root
#                                            (dpkg-deb -x: nothing is installed); the registry is
#                                            DIR/root/usr/share/cargo/registry
#   hack/ecosystem.sh run [OPTIONS]          hack/ecosystem.py's options (--registry, --bins,
#                                            --libs N, --seed, --crates, --out ...)
#
# Needs the base images (hack/make-base-image.sh, hack/make-base-image.sh --runtime), a Docker
# daemon and build/cargo-recipe. Long: run it nice'd, one crate at a time.
set -euo pipefail
cd "$(dirname "$0")/.."

extract() {
  local dir=${1:?usage: ecosystem.sh extract DIR}
  mkdir -p "$dir/debs" "$dir/root"
  # Every crate package, not the per-feature ones (librust-NAME+FEATURE-dev pull in nothing new).
  apt-cache pkgnames librust- | grep -E '^librust-[a-z0-9.-]+-dev$' | LC_ALL=C sort >"$dir/packages.txt"
  echo "ecosystem: $(wc -l <"$dir/packages.txt") packages" >&2
  # apt-get download stops at the first package it cannot get: batches, then one by one for a
  # batch that failed, so a single missing package is named and skipped.
  (cd "$dir/debs" && xargs -a "$dir/packages.txt" -n 100 sh -c \
    'apt-get download -qq "$@" 2>/dev/null || for p; do apt-get download -qq "$p" || echo "ecosystem: cannot download $p" >&2; done' sh)
  local deb
  for deb in "$dir"/debs/*.deb; do
    dpkg-deb -x "$deb" "$dir/root"
  done
  echo "ecosystem: $(find "$dir/root/usr/share/cargo/registry" -mindepth 1 -maxdepth 1 | wc -l) crates in $dir/root/usr/share/cargo/registry" >&2
}

case ${1-} in
  extract) shift && extract "$@" ;;
  run) shift && exec python3 hack/ecosystem.py "$@" ;;
  *) echo "usage: hack/ecosystem.sh extract DIR | run [OPTIONS] (see the comment at the top)" >&2; exit 2 ;;
esac
