#pragma once

#include <string>
#include <string_view>

#include "generator/model/toolchain.hpp"

namespace recipe::cargo {

// Build a toolchain from the text of `rustc -vV` and of `rustc --print cfg` for the host.
// Throws InputError naming `origin` when either is malformed.
model::Toolchain toolchain_from_text(std::string_view rustc_vv, std::string_view host_cfg, const std::string& origin);

// Parse a toolchain file's `text`: TOML with `rustc_vv` and `cfg` strings, an optional `distro`
// (the image's os-release ID), an optional `[target_cfg]` table of triple = cfg text, and a
// `[target.TRIPLE]` table per cross target the image supports: `cfg`, `deb_arch`, `linker`, `cc`
// and an `env` table (hack/write-toolchain-file.sh writes them). Throws InputError naming
// `origin` and the key.
model::Toolchain parse_toolchain_file(std::string_view text, const std::string& origin);

}  // namespace recipe::cargo
