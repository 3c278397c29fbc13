#include "generator/emit/recorded_command.hpp"

#include <algorithm>
#include <cstdio>

namespace recipe::emit {

namespace {

bool needs_quotes(const std::string& word) {
  return word.empty() ||
         word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-") !=
             std::string::npos;
}

bool is_control(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

// bash's $'...': backslash, quote and control characters escaped.
std::string ansi_c_quoted(const std::string& word) {
  std::string out = "$'";
  for (char c : word) {
    if (c == '\\' || c == '\'') {
      out += '\\';
      out += c;
    } else if (is_control(c)) {
      char escape[5];
      std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned char>(c));
      out += escape;
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string single_quoted(const std::string& word) {
  std::string out = "'";
  for (char c : word) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

}  // namespace

std::string quote_command(const std::vector<std::string>& words) {
  std::string line;
  for (const auto& word : words) {
    if (!line.empty()) {
      line += ' ';
    }
    if (!needs_quotes(word)) {
      line += word;
    } else if (std::ranges::any_of(word, is_control)) {
      line += ansi_c_quoted(word);
    } else {
      line += single_quoted(word);
    }
  }
  return line;
}

}  // namespace recipe::emit
