#pragma once

#include <string>
#include <string_view>

namespace recipe::compare {

// A unified diff of two texts (3 lines of context), "" when they are equal. `max_lines` bounds
// the output; a longer diff ends with "... N more lines". Labels name the two sides.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& before_label,
                         const std::string& after_label, size_t max_lines = 60);

}  // namespace recipe::compare
