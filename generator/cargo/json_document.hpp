#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace recipe::cargo {

// The deepest nesting parse_json accepts. Cargo's own JSON and TOML readers stop well before it
// (serde_json at 128 levels), and it keeps nlohmann's recursive code (dump(), comparisons) off
// untrusted depth.
inline constexpr size_t k_max_json_depth = 256;

// Parse `text` as one JSON document. Throws InputError "origin:line:col: invalid JSON: ..." on a
// syntax error, and "origin:line:col: JSON nested deeper than 256 levels" (checked before any
// value is built). What odd documents read as (tests/generator/cargo/json_document_test.cpp):
// a repeated key keeps its last value; an integer beyond 64 bits reads as a floating-point
// number; "\u0000" in a string is kept as a NUL byte; a raw NUL byte anywhere, any other raw
// control character in a string, invalid UTF-8 or anything after the document is a syntax error.
nlohmann::json parse_json(std::string_view text, const std::string& origin);

}  // namespace recipe::cargo
