#include "generator/emit/escape.hpp"

#include <cassert>

#include <nlohmann/json.hpp>

#include "generator/support/error.hpp"
#include "generator/support/printable.hpp"

namespace recipe::emit {

std::string comment_text(std::string_view text) {
  return printable(text);
}

std::string json_string(std::string_view word) {
  std::string out = nlohmann::json(std::string(word)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  assert(out.find('\n') == std::string::npos);
  return out;
}

const std::string& plain_word(const std::string& word, std::string_view what) {
  if (word.empty() || has_control_character(word) || word.find_first_of(" \"'\\$`") != std::string::npos) {
    throw InputError(std::string(what) + " " + quote_value(word) +
                     " cannot be written as a recipe word (no spaces, quotes, backslashes or control characters)");
  }
  return word;
}

std::string mount_field(std::string_view key, const std::string& value) {
  if (value.empty() || has_control_character(value) || value.find_first_of(",= \"'\\") != std::string::npos) {
    throw InputError("--mount " + std::string(key) + " " + quote_value(value) +
                     " cannot be written as a mount option (no commas, '=', spaces, quotes or control characters)");
  }
  return std::string(key) + "=" + value;
}

}  // namespace recipe::emit
