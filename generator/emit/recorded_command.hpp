#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The command that regenerates a recipe, as its header records it:
//   # cargo-recipe-command: cargo-recipe generate --manifest-path 'my ws/Cargo.toml' ...
namespace recipe::emit {

inline constexpr std::string_view k_command_prefix = "# cargo-recipe-command: ";

// `words` as one line a shell splits back into the same words: single quotes as needed, and
// bash's $'...' for a word with a control character, so that the line never breaks.
std::string quote_command(const std::vector<std::string>& words);

// The words of the recipe's recorded command, or nullopt when the recipe has none (not written by
// cargo-recipe, or edited). Throws InputError naming `origin` when the line does not split.
std::optional<std::vector<std::string>> recorded_command(std::string_view recipe, const std::string& origin);

}  // namespace recipe::emit
