#pragma once

#include <string>
#include <string_view>
#include <vector>

// The two header lines that record what generated a recipe (pipeline/recipe_header.hpp):
//   # cargo-recipe-command: cargo-recipe generate --manifest-path 'my ws/Cargo.toml' ...
//   # cargo-recipe-request/1: {"command":"generate","manifest_path":"my ws/Cargo.toml"}
namespace recipe::emit {

inline constexpr std::string_view k_command_prefix = "# cargo-recipe-command: ";
inline constexpr std::string_view k_request_prefix = "# cargo-recipe-request/";
inline constexpr int k_request_version = 1;

// `words` as one line a shell splits back into the same words: plain, '...' quoted, or $'...'
// with backslash escapes for a word holding a control character. Never holds a newline.
std::string quote_command(const std::vector<std::string>& words);

}  // namespace recipe::emit
