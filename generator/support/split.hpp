#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recipe {

// The non-empty items of a comma-separated list, as written ("a,,b" gives "a", "b"; nothing is
// trimmed: callers that allow spaces trim them).
std::vector<std::string> split_commas(std::string_view text);

}  // namespace recipe
