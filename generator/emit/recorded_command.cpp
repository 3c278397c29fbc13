#include "generator/emit/recorded_command.hpp"

#include "generator/support/error.hpp"

namespace recipe::emit {

namespace {

bool needs_quotes(const std::string& word) {
  return word.empty() ||
         word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-") !=
             std::string::npos;
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
