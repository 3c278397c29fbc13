#include "audit/compare/printable_strings.hpp"

#include <re2/re2.h>

namespace recipe::compare {

std::vector<std::string> printable_strings(std::string_view bytes) {
  std::vector<std::string> out;
  std::string current;
  for (char c : bytes) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t') {
      current += c;
    } else {
      if (current.size() >= 4) {
        out.push_back(current);
      }
      current.clear();
    }
  }
  if (current.size() >= 4) {
    out.push_back(current);
  }
  return out;
}

std::optional<std::string> first_match(const std::vector<std::string>& strings, const re2::RE2& pattern) {
  for (const auto& s : strings) {
    std::string match;
    if (re2::RE2::PartialMatch(s, pattern, &match)) {
      return match;
    }
  }
  return std::nullopt;
}

std::string quoted(std::string text) {
  if (text.size() > 80) {
    text = text.substr(0, 77) + "...";
  }
  return "\"" + text + "\"";
}

}  // namespace recipe::compare
