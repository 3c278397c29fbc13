#include "generator/cargo/json_error.hpp"

#include <algorithm>

namespace recipe::cargo {

std::string location_of(const std::string& origin, std::string_view text, size_t byte_offset) {
  byte_offset = std::min(byte_offset, text.size());
  size_t line = 1;
  size_t column = 1;
  for (size_t i = 0; i < byte_offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return origin + ":" + std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace recipe::cargo
