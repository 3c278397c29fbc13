#pragma once

#include <string>
#include <string_view>

#include "generator/model/root_manifest.hpp"

namespace recipe::cargo {

// Parse the root Cargo.toml. Throws InputError naming `origin`, line, column and key.
model::RootManifest parse_root_manifest(std::string_view text, const std::string& origin);

}  // namespace recipe::cargo
