#pragma once

#include <string>
#include <string_view>

#include "generator/model/workspace.hpp"

namespace recipe::cargo {

// Parse and validate `cargo metadata --format-version 1` output. `origin` names the input in
// messages (a file name, or "cargo metadata"). Throws InputError with a one-line message that
// names `origin` and the offending element; never returns a partial workspace.
model::Workspace parse_metadata(std::string_view json, const std::string& origin);

}  // namespace recipe::cargo
