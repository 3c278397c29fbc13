#pragma once

#include <string>
#include <string_view>

#include <toml++/toml.h>

namespace recipe::cargo {

// Parse TOML text. Throws InputError "origin:line:col: invalid TOML: ..." on a syntax error, and
// before toml++ reads a byte, on text that is not UTF-8 or holds a control character TOML forbids.
toml::table parse_toml(std::string_view text, const std::string& origin);

// "origin:line:col" of a node, for messages about its value.
std::string location_of(const std::string& origin, const toml::node& node);

// The string at `key` of `table`, "" when absent. Throws InputError "origin:line:col: "key" must be
// a string" when it is something else.
std::string optional_string(const toml::table& table, std::string_view key, const std::string& origin);

}  // namespace recipe::cargo
