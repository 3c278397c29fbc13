#include "generator/cargo/json_document.hpp"

#include <new>

#include <nlohmann/json.hpp>

#include "generator/cargo/json_error.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::cargo {

namespace {

// Files come from read_file or PaddedFile: their padding must cover simdjson's for the in-place parse.
static_assert(k_read_padding >= simdjson::SIMDJSON_PADDING);

namespace dom = simdjson::dom;

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

JsonDocument::JsonDocument(JsonText json, const std::string& origin) {
  std::string_view text = json.view;
  bool copy = json.padding < simdjson::SIMDJSON_PADDING;
  if (m_parser.parse(text.data(), text.size(), copy).get(m_root) == simdjson::SUCCESS) {
    return;
  }
  // simdjson refused the text. Ask nlohmann, so that the message (and its location) is the one
  // users have always had, and so that JSON nlohmann accepts stays accepted.
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw_syntax_error(e, text, origin);
  }
  // The few documents only nlohmann takes (integers beyond 64 bits, a byte-order mark, anything
  // after a NUL byte, nesting deeper than simdjson's default) are parsed again in the form
  // nlohmann reads them, without a depth limit (a level takes at least one byte).
  std::string normalised = doc.dump();
  simdjson::error_code error = m_parser.allocate(normalised.size(), normalised.size());
  if (error == simdjson::SUCCESS) {
    error = m_parser.parse(normalised).get(m_root);
  }
  if (error != simdjson::SUCCESS) {
    throw InputError(origin + ": invalid JSON: " + simdjson::error_message(error));
  }
}

namespace {

// Member lists of this thread's objects that are gone, for the next ones to fill.
thread_local std::vector<std::vector<JsonObject::Member>> t_spare_members;

}  // namespace

JsonObject::JsonObject(dom::element value) {
  dom::object object;
  if (value.get(object) != simdjson::SUCCESS) {
    return;
  }
  m_is_object = true;
  if (!t_spare_members.empty()) {
    m_members = std::move(t_spare_members.back());
    t_spare_members.pop_back();
    m_members.clear();
  }
  m_members.reserve(object.size());
  for (dom::key_value_pair member : object) {
    m_members.emplace_back(member.key, member.value);
  }
}

JsonObject::~JsonObject() {
  // Objects nest a few levels deep, so a few spares are enough; past those, or if keeping one
  // cannot allocate, the list is simply freed.
  constexpr size_t k_max_spares = 8;
  if (m_members.capacity() > 0 && t_spare_members.size() < k_max_spares) {
    try {
      t_spare_members.push_back(std::move(m_members));
    } catch (const std::bad_alloc&) {
    }
  }
}

std::optional<dom::element> JsonObject::find(std::string_view key) const {
  // From the end: the first match is the last of a repeated key. Length and first byte tell
  // most keys apart without a call to memcmp (this runs for every field a reader asks for).
  for (auto member = m_members.rbegin(); member != m_members.rend(); ++member) {
    std::string_view name = member->first;
    if (name.size() == key.size() && (key.empty() || name.front() == key.front()) && name == key) {
      return member->second;
    }
  }
  return std::nullopt;
}

nlohmann::json to_nlohmann(dom::element value) {
  switch (value.type()) {
    case dom::element_type::ARRAY: {
      nlohmann::json out = nlohmann::json::array();
      for (dom::element item : dom::array(value)) {
        out.push_back(to_nlohmann(item));
      }
      return out;
    }
    case dom::element_type::OBJECT: {
      nlohmann::json out = nlohmann::json::object();
      for (dom::key_value_pair field : dom::object(value)) {
        out[std::string(field.key)] = to_nlohmann(field.value);  // the last of a repeated key wins
      }
      return out;
    }
    case dom::element_type::INT64: {
      // nlohmann keeps non-negative integers unsigned.
      int64_t number = value.get_int64().value_unsafe();
      return number >= 0 ? nlohmann::json(static_cast<uint64_t>(number)) : nlohmann::json(number);
    }
    case dom::element_type::UINT64:
      return value.get_uint64().value_unsafe();
    case dom::element_type::DOUBLE:
      return value.get_double().value_unsafe();
    case dom::element_type::STRING:
      return std::string(value.get_string().value_unsafe());
    case dom::element_type::BOOL:
      return value.get_bool().value_unsafe();
    case dom::element_type::NULL_VALUE:
      return nullptr;
  }
  return nullptr;
}

}  // namespace recipe::cargo
