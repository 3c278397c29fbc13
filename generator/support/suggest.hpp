#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recipe {

// The candidate closest to `word` by edit distance, if it is a plausible typo of it (at most two
// edits, and fewer than half of `word`'s length): what "did you mean ...?" offers.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// `"word"` followed by `, did you mean "X"?` when there is a close candidate: for messages.
std::string quoted_with_suggestion(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace recipe
