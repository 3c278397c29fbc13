#include "generator/cargo/json_document.hpp"

#include "generator/cargo/json_error.hpp"
#include "generator/support/error.hpp"

namespace recipe::cargo {

namespace {

// The offset of the first bracket that opens a container deeper than `max_depth`, or npos.
// Brackets inside strings do not count; in a document that is not JSON the answer only needs to
// be a place to point at, as the parser reports the syntax error when there is no such bracket.
size_t too_deep_at(std::string_view text, size_t max_depth) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        return i;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

// nlohmann's message without its "[json.exception...] parse error at line 1, column 5" prefix,
// which would repeat our location less usefully.
[[noreturn]] void throw_syntax_error(const nlohmann::json::parse_error& e, std::string_view text,
                                     const std::string& origin) {
  std::string what = e.what();
  auto colon = what.rfind(": ");
  throw InputError(location_of(origin, text, e.byte == 0 ? 0 : e.byte - 1) +
                   ": invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
}

}  // namespace

nlohmann::json parse_json(std::string_view text, const std::string& origin) {
  if (size_t at = too_deep_at(text, k_max_json_depth); at != std::string_view::npos) {
    throw InputError(location_of(origin, text, at) + ": JSON nested deeper than " + std::to_string(k_max_json_depth) +
                     " levels (cargo writes far fewer)");
  }
  // nlohmann takes a NUL byte for the end of the input and would ignore what follows it.
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    throw InputError(location_of(origin, text, nul) +
                     ": invalid JSON: a NUL byte (JSON has none outside strings, "
                     "where it is written \\u0000)");
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw_syntax_error(e, text, origin);
  }
}

}  // namespace recipe::cargo
