#include "generator/support/printable.hpp"

#include <cassert>

namespace recipe {

std::string printable(std::string_view text) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += {'\\', 'x', k_hex[byte >> 4], k_hex[byte & 0xf]};
    }
  }
  assert(out.find('\n') == std::string::npos);
  return out;
}

bool has_control_character(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return true;
    }
  }
  return false;
}

std::string quote_value(std::string_view text) {
  return "\"" + printable(text) + "\"";
}

}  // namespace recipe
