#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace recipe {

// `parts` joined in one allocation, where a chain of `+` makes one string per step: for the
// paths and flags built for every edge of a plan.
inline std::string concat(std::initializer_list<std::string_view> parts) {
  size_t size = 0;
  for (std::string_view part : parts) {
    size += part.size();
  }
  std::string out;
  out.reserve(size);
  for (std::string_view part : parts) {
    out.append(part);
  }
  return out;
}

}  // namespace recipe
