#include "generator/emit/json_words.hpp"

#include "generator/emit/escape.hpp"

namespace recipe::emit {

std::string json_words(const std::vector<std::string>& words) {
  std::string out = "[";
  for (size_t i = 0; i < words.size(); ++i) {
    out += (i == 0 ? "" : ", ") + json_string(words[i]);
  }
  return out + "]";
}

std::string json_words_multiline(const std::vector<std::string>& words, const std::string& indent) {
  std::string out = "[";
  for (size_t i = 0; i < words.size(); ++i) {
    // A flag and its value share a line ("-C", "opt-level=3"): one option per line reads best.
    bool value_of_flag = i > 0 && words[i - 1].starts_with("-") && !words[i].starts_with("-");
    out += i == 0 ? "" : value_of_flag ? ", " : ", \\\n" + indent;
    out += json_string(words[i]);
  }
  return out + "]";
}

}  // namespace recipe::emit
