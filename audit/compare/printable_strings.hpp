#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace recipe::compare {

// The runs of 4 or more printable bytes of `bytes`, like strings(1); UTF-8 kept.
std::vector<std::string> printable_strings(std::string_view bytes);

// The first capture of `pattern` in the first of `strings` that it matches, or none.
std::optional<std::string> first_match(const std::vector<std::string>& strings, const re2::RE2& pattern);

// `text` in double quotes for evidence, cut to 80 characters.
std::string quoted(std::string text);

}  // namespace recipe::compare
