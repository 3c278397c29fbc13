#!/usr/bin/env bash
# Installs the Debian-packaged Rust crate sources that the oracle fixture
# workspaces under tests/workspaces/ resolve against (offline, through the
# directory source /usr/share/cargo/registry set up in each workspace's
# .cargo/config.toml).
set -euo pipefail

# Why this list exists: the fixtures must build with no network, so every
# crate in their Cargo.lock files (all targets, including cfg(windows) ones
# that cargo still resolves) has to be present in /usr/share/cargo/registry.
# It is the union of the packages in tests/workspaces/*/Cargo.lock, each
# mapped to its Debian bookworm package (librust-<name>-dev, '_' -> '-').
# Naming every crate, not just the direct dependencies, keeps the install
# independent of which optional dependencies Debian ships only as Recommends.
# Exception: ahash comes from librust-ahash-0.7-dev (librust-ahash-dev is an
# older build of the same crate that Debian makes conflict with it).
# Beyond the lockfiles: librust-pulldown-cmark-dev and the crates it needs, the
# install tests' crate whose dev-dependencies Debian does not package; and
# librust-libgit2-sys-dev, whose crate links the system's libgit2 (the runtime
# image's test).
PACKAGES=(
  librust-adler-dev
  librust-ahash-0.7-dev
  librust-aho-corasick-dev
  librust-ansi-term-dev
  librust-anyhow-dev
  librust-atty-dev
  librust-autocfg-dev
  librust-base64-dev
  librust-bindgen-dev
  librust-bitflags-dev
  librust-block-buffer-dev
  librust-bstr-dev
  librust-bumpalo-dev
  librust-byteorder-dev
  librust-bytes-dev
  librust-cc-dev
  librust-cexpr-dev
  librust-cfg-if-dev
  librust-chrono-dev
  librust-clang-sys-dev
  librust-clap-3-dev
  librust-clap-derive-dev
  librust-clap-dev
  librust-clap-lex-dev
  librust-cpufeatures-dev
  librust-crc32fast-dev
  librust-crossbeam-channel-dev
  librust-crossbeam-deque-dev
  librust-crossbeam-dev
  librust-crossbeam-epoch-dev
  librust-crossbeam-queue-dev
  librust-crossbeam-utils-dev
  librust-crunchy-dev
  librust-crypto-common-dev
  librust-csv-core-dev
  librust-csv-dev
  librust-digest-dev
  librust-either-dev
  librust-env-logger-0.7-dev
  librust-env-logger-dev
  librust-errno-dev
  librust-fixedbitset-dev
  librust-flate2-dev
  librust-form-urlencoded-dev
  librust-futures-channel-dev
  librust-futures-core-dev
  librust-futures-dev
  librust-futures-executor-dev
  librust-futures-io-dev
  librust-futures-macro-dev
  librust-futures-sink-dev
  librust-futures-task-dev
  librust-futures-util-dev
  librust-generic-array-dev
  librust-getopts-dev
  librust-getrandom-dev
  librust-glob-dev
  librust-hashbrown-dev
  librust-heck-dev
  librust-hex-dev
  librust-humantime-dev
  librust-iana-time-zone-dev
  librust-idna-dev
  librust-indexmap-dev
  librust-io-lifetimes-dev
  librust-itertools-dev
  librust-itoa-dev
  librust-js-sys-dev
  librust-lazy-static-dev
  librust-lazycell-dev
  librust-libc-dev
  librust-libgit2-sys-dev
  librust-libloading-dev
  librust-libz-sys-dev
  librust-linked-hash-map-dev
  librust-linux-raw-sys-dev
  librust-lock-api-dev
  librust-log-dev
  librust-md-5-dev
  librust-memchr-dev
  librust-memoffset-dev
  librust-minimal-lexical-dev
  librust-miniz-oxide-dev
  librust-mio-dev
  librust-nom-dev
  librust-num-bigint-dev
  librust-num-cpus-dev
  librust-num-integer-dev
  librust-num-traits-dev
  librust-once-cell-dev
  librust-os-pipe-dev
  librust-os-str-bytes-dev
  librust-parking-lot-core-dev
  librust-parking-lot-dev
  librust-peeking-take-while-dev
  librust-percent-encoding-dev
  librust-pest-derive-dev
  librust-pest-dev
  librust-pest-generator-dev
  librust-pest-meta-dev
  librust-petgraph-dev
  librust-pin-project-lite-dev
  librust-pin-utils-dev
  librust-pkg-config-dev
  librust-ppv-lite86-dev
  librust-proc-macro-error-attr-dev
  librust-proc-macro-error-dev
  librust-proc-macro2-dev
  librust-pulldown-cmark-dev
  librust-quote-dev
  librust-rand-chacha-dev
  librust-rand-core-dev
  librust-rand-dev
  librust-rayon-core-dev
  librust-rayon-dev
  librust-regex-automata-dev
  librust-regex-dev
  librust-regex-syntax-dev
  librust-rustc-hash-dev
  librust-rustix-dev
  librust-ryu-dev
  librust-scopeguard-dev
  librust-semver-dev
  librust-serde-derive-dev
  librust-serde-dev
  librust-serde-json-dev
  librust-serde-yaml-dev
  librust-sha1-dev
  librust-sha2-dev
  librust-sharded-slab-dev
  librust-shlex-dev
  librust-signal-hook-registry-dev
  librust-slab-dev
  librust-smallvec-dev
  librust-smawk-dev
  librust-socket2-dev
  librust-strsim-dev
  librust-strum-dev
  librust-strum-macros-dev
  librust-syn-dev
  librust-syn-mid-dev
  librust-termcolor-dev
  librust-terminal-size-dev
  librust-textwrap-dev
  librust-thiserror-dev
  librust-thiserror-impl-dev
  librust-thread-local-dev
  librust-tiny-keccak-dev
  librust-tokio-dev
  librust-tokio-macros-dev
  librust-toml-dev
  librust-tracing-attributes-dev
  librust-tracing-core-dev
  librust-tracing-dev
  librust-tracing-log-dev
  librust-tracing-subscriber-dev
  librust-typenum-dev
  librust-ucd-trie-dev
  librust-unicase-dev
  librust-unicode-bidi-dev
  librust-unicode-ident-dev
  librust-unicode-linebreak-dev
  librust-unicode-normalization-dev
  librust-unicode-segmentation-dev
  librust-unicode-width-dev
  librust-url-dev
  librust-uuid-dev
  librust-valuable-dev
  librust-vcpkg-dev
  librust-version-check-dev
  librust-wasm-bindgen-backend-dev
  librust-wasm-bindgen-dev
  librust-wasm-bindgen-macro-dev
  librust-wasm-bindgen-macro-support-dev
  librust-wasm-bindgen-shared-dev
  librust-which-dev
  librust-winapi-dev
  librust-winapi-i686-pc-windows-gnu-dev
  librust-winapi-util-dev
  librust-winapi-x86-64-pc-windows-gnu-dev
  librust-yaml-rust-dev
  librust-zstd-dev
  librust-zstd-safe-dev
  librust-zstd-sys-dev
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-crates: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive

# Refresh the package lists only if apt does not know some package yet.
need_update=0
for pkg in "${missing[@]}"; do
  if ! apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    need_update=1
    break
  fi
done
if [ "$need_update" -eq 1 ]; then
  "${SUDO[@]}" apt-get update
fi

echo "install-crates: installing ${#missing[@]} package(s)"
"${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
