#!/bin/bash
# RUSTC_WRAPPER for the oracle: cargo has already printed the rustc line it decided on; run it
# without the flags that only make code faster or smaller (optimisation, LTO, bitcode, codegen
# units, debuginfo), so that the build that shows cargo's lines takes seconds, not minutes.
# Panic strategy, strip, crate types and everything else that must agree across crates stay.
rustc=$1
shift
args=()
for a in "$@"; do
  if [[ ${#args[@]} -gt 0 && ${args[-1]} == -C ]]; then
    case $a in
      opt-level=* | lto | lto=* | linker-plugin-lto | embed-bitcode=* | codegen-units=* | debuginfo=* | split-debuginfo=*)
        unset 'args[-1]'
        continue
        ;;
    esac
  fi
  args+=("$a")
done
exec "$rustc" "${args[@]}"
