#include "generator/emit/recorded_command.hpp"

#include <algorithm>
#include <charconv>

#include "generator/support/error.hpp"

namespace recipe::emit {

namespace {

bool needs_quotes(const std::string& word) {
  return word.empty() ||
         word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-") !=
             std::string::npos;
}

bool has_control(const std::string& word) {
  return std::ranges::any_of(word, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// bash's $'...' quoting: the one form that keeps a newline or other control character of a word
// on the header's line.
std::string ansi_c_quoted(const std::string& word) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out = "$'";
  for (char c : word) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\\' || c == '\'') {
      out += {'\\', c};
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      out += {'\\', 'x', k_hex[byte >> 4], k_hex[byte & 0xf]};
    } else {
      out += c;
    }
  }
  return out + "'";
}

// The word a $'...' body spells, from `line[i]` just after the opening quote; leaves `i` on the
// closing quote. Returns false when the quote is not closed.
bool read_ansi_c_quoted(std::string_view line, size_t& i, std::string& word) {
  for (; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\'') {
      return true;
    }
    if (c != '\\' || i + 1 >= line.size()) {
      word += c;
      continue;
    }
    char escaped = line[++i];
    if (escaped == 'n') {
      word += '\n';
    } else if (escaped == 't') {
      word += '\t';
    } else if (unsigned byte = 0; escaped == 'x' && i + 2 < line.size() &&
                                  std::from_chars(&line[i + 1], &line[i + 3], byte, 16).ptr == &line[i + 3]) {
      word += static_cast<char>(byte);
      i += 2;
    } else {
      word += escaped;
    }
  }
  return false;
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
      continue;
    }
    if (has_control(word)) {
      line += ansi_c_quoted(word);
      continue;
    }
    line += '\'';
    for (char c : word) {
      line += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    line += '\'';
  }
  return line;
}

std::optional<std::vector<std::string>> recorded_command(std::string_view recipe, const std::string& origin) {
  size_t start = recipe.find(std::string("\n") + std::string(k_command_prefix));
  if (recipe.starts_with(k_command_prefix)) {
    start = 0;
  } else if (start == std::string_view::npos) {
    return std::nullopt;
  } else {
    ++start;
  }
  std::string_view line = recipe.substr(start + k_command_prefix.size());
  line = line.substr(0, line.find('\n'));
  // The inverse of quote_command: words split on spaces, '...' quoted, \' between quotes.
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '\'') {
        quoted = false;
      } else {
        word += c;
      }
    } else if (c == '$' && i + 1 < line.size() && line[i + 1] == '\'') {
      i += 2;
      if (!read_ansi_c_quoted(line, i, word)) {
        quoted = true;  // reported below
        break;
      }
      in_word = true;
    } else if (c == '\'') {
      quoted = true;
      in_word = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
      in_word = true;
    } else if (c == ' ') {
      if (in_word) {
        words.push_back(std::move(word));
        word.clear();
        in_word = false;
      }
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quoted) {
    throw InputError(origin + ": the cargo-recipe-command line has an unterminated quote (regenerate the recipe)");
  }
  if (in_word) {
    words.push_back(std::move(word));
  }
  return words;
}

}  // namespace recipe::emit
