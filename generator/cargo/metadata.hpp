#pragma once

#include <string>
#include <string_view>

#include "generator/model/workspace.hpp"

namespace recipe::cargo {

// The model of `cargo metadata --format-version 1` output. `origin` names the input in messages
// (a file name, or "cargo metadata"). Throws InputError with a one-line message naming `origin`
// and the offending element (a JSON syntax error with its line and column) when the text is not
// such output: see parse_json for the JSON accepted, and metadata_test.cpp for the schema. Never
// returns a partial model.
model::Workspace parse_metadata(std::string_view json, const std::string& origin);

}  // namespace recipe::cargo
