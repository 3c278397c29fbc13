#pragma once

#include <string>
#include <vector>

namespace recipe::emit {

// An exec-form argument list: `["a", "b"]`, each word JSON-escaped. The Dockerfile frontend
// hands exec-form words to the program as they are: no shell, no variable expansion, so any
// byte a manifest holds (quotes, $(), backticks, backslashes, newlines) arrives unchanged.
std::string json_words(const std::vector<std::string>& words);

// The same over several lines (Dockerfile line continuations): one word per line, a flag and
// its value on one line.
std::string json_words_multiline(const std::vector<std::string>& words, const std::string& indent);

}  // namespace recipe::emit
