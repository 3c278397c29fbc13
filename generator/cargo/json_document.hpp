#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <simdjson.h>

namespace recipe::cargo {

// Text for JsonDocument and the `padding` readable bytes after its end: with at least
// simdjson's padding there, it is parsed in place, else from a padded copy. A std::string offers
// its spare capacity (read_file reserves enough); a PaddedFile says what it has.
struct JsonText {
  JsonText(const std::string& text) : view(text), padding(text.capacity() - text.size()) {}
  JsonText(std::string_view text, size_t padding) : view(text), padding(padding) {}

  std::string_view view;
  size_t padding;
};

// A JSON document parsed with simdjson: cargo metadata is read on every plan and runs to megabytes,
// and simdjson's DOM is several times faster to build than nlohmann's. nlohmann stays the
// reference for what is valid JSON and for the wording of syntax errors (see the .cpp).
// Elements borrow from the document, which therefore can be neither copied nor moved.
class JsonDocument {
 public:
  // Parse `text`, in place when it is padded enough (see JsonText). Throws InputError
  // "origin:line:col: invalid JSON: ..." on a syntax error.
  JsonDocument(JsonText text, const std::string& origin);
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;

  simdjson::dom::element root() const { return m_root; }

 private:
  simdjson::dom::parser m_parser;
  simdjson::dom::element m_root;
};

// The members of one JSON value, gathered once for the many lookups a reader makes in it (a
// package has two dozen). A value that is not an object has none, and says so. The list's
// storage is reused from objects of the same thread that are gone (there are thousands, a few
// alive at a time), so that gathering rarely allocates.
class JsonObject {
 public:
  using Member = std::pair<std::string_view, simdjson::dom::element>;

  explicit JsonObject(simdjson::dom::element value);
  JsonObject(const JsonObject&) = delete;
  JsonObject& operator=(const JsonObject&) = delete;
  ~JsonObject();

  bool is_object() const { return m_is_object; }
  // The value of `key`, or none. A repeated key gives its last value, as nlohmann (which keeps
  // only that one) did.
  std::optional<simdjson::dom::element> find(std::string_view key) const;
  // In document order, repeats included.
  const std::vector<Member>& members() const { return m_members; }

 private:
  bool m_is_object = false;
  std::vector<Member> m_members;
};

// `value` as an nlohmann DOM, for the rare paths that must print or do exactly what nlohmann did
// (messages quoting a value).
nlohmann::json to_nlohmann(simdjson::dom::element value);

}  // namespace recipe::cargo
