#include "generator/cargo/toml_document.hpp"

#include "generator/cargo/json_error.hpp"
#include "generator/support/error.hpp"
#include "generator/support/printable.hpp"

namespace recipe::cargo {

namespace {

std::string at(const std::string& origin, const toml::source_region& region) {
  return origin + ":" + std::to_string(region.begin.line) + ":" + std::to_string(region.begin.column);
}

// The length of the UTF-8 sequence at the start of `text` that encodes a scalar value (no
// overlong form, no surrogate, nothing past U+10FFFF), or 0 if there is none.
size_t utf8_sequence_length(std::string_view text) {
  auto byte = [&text](size_t i) { return static_cast<unsigned char>(text[i]); };
  auto continuation = [&](size_t i) { return i < text.size() && (byte(i) & 0xC0) == 0x80; };
  unsigned char lead = byte(0);
  if (lead < 0x80) {
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    return continuation(1) ? 2 : 0;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (!continuation(1) || !continuation(2)) {
      return 0;
    }
    bool overlong = lead == 0xE0 && byte(1) < 0xA0;
    bool surrogate = lead == 0xED && byte(1) >= 0xA0;
    return overlong || surrogate ? 0 : 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) {
      return 0;
    }
    bool overlong = lead == 0xF0 && byte(1) < 0x90;
    bool too_large = lead == 0xF4 && byte(1) >= 0x90;
    return overlong || too_large ? 0 : 4;
  }
  return 0;
}

// TOML is UTF-8 in which no control character but tab, line feed and carriage return appears
// unescaped, even in comments. Text that breaks this is refused here, before toml++ sees it:
// toml++ 3.3.0 reaches undefined behaviour on some such bytes (a test keeps one).
void check_characters(std::string_view text, const std::string& origin) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      throw InputError(location_of(origin, text, i) + ": invalid TOML: control character " + std::to_string(c) +
                       " (TOML allows only tab, line feed and carriage return)");
    }
    size_t length = utf8_sequence_length(text.substr(i));
    if (length == 0) {
      throw InputError(location_of(origin, text, i) + ": invalid TOML: not UTF-8 (byte " + std::to_string(c) + ")");
    }
    i += length;
  }
}

}  // namespace

toml::table parse_toml(std::string_view text, const std::string& origin) {
  check_characters(text, origin);
  try {
    return toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    // toml++ quotes what it read in its messages: printable keeps them one line.
    throw InputError(at(origin, e.source()) + ": invalid TOML: " + printable(e.description()));
  }
}

std::string location_of(const std::string& origin, const toml::node& node) {
  return at(origin, node.source());
}

std::string optional_string(const toml::table& table, std::string_view key, const std::string& origin) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return {};
  }
  if (!node->is_string()) {
    throw InputError(location_of(origin, *node) + ": \"" + std::string(key) + "\" must be a string");
  }
  return node->as_string()->get();
}

}  // namespace recipe::cargo
