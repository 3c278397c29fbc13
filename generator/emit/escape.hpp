#pragma once

#include <string>
#include <string_view>

// The one way each kind of recipe text is written. Names reaching the emitter were checked at the
// input edge (cargo/validate.hpp); these functions are the second line: none of them can produce
// a newline, and the strict ones refuse what they cannot write safely instead of writing it.
namespace recipe::emit {

// The text of a `# ...` comment line: control characters written as escapes (printable()).
std::string comment_text(std::string_view text);

// One double-quoted word of an exec-form (JSON array) instruction: strict JSON, control
// characters escaped, invalid UTF-8 replaced.
std::string json_string(std::string_view word);

// `word` as one word of a shell-form instruction (FROM, COPY --from=, ADD): returned as it is if
// it is non-empty and holds no whitespace, quote, backslash, '$' or control character. Throws
// InputError naming `what` otherwise.
const std::string& plain_word(const std::string& word, std::string_view what);

// `key=value` as one field of a `--mount=` option: the value may hold no ',', '=', quote,
// whitespace or control character (which would add or redefine fields). Throws InputError
// otherwise.
std::string mount_field(std::string_view key, const std::string& value);

}  // namespace recipe::emit
