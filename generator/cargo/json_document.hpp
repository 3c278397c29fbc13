#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>
#include <simdjson.h>

namespace recipe::cargo {

// A JSON document parsed with simdjson: cargo metadata is read on every plan and runs to megabytes,
// and simdjson's DOM is several times faster to build than nlohmann's. nlohmann stays the
// reference for what is valid JSON and for the wording of syntax errors (see the .cpp).
// Elements borrow from the document, which therefore can be neither copied nor moved.
class JsonDocument {
 public:
  // Parse `text`. Throws InputError "origin:line:col: invalid JSON: ..." on a syntax error.
  JsonDocument(std::string_view text, const std::string& origin);
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;

  simdjson::dom::element root() const { return m_root; }

 private:
  simdjson::dom::parser m_parser;
  simdjson::dom::element m_root;
};

// The value of `key` in `object`; none when `object` is not an object or lacks the key. A repeated
// key gives its last value, as nlohmann (which keeps only that one) did.
std::optional<simdjson::dom::element> find_member(simdjson::dom::element object, std::string_view key);

// `value` as an nlohmann DOM, for the rare paths that must print or do exactly what nlohmann did
// (messages quoting a value).
nlohmann::json to_nlohmann(simdjson::dom::element value);

}  // namespace recipe::cargo
