#include "generator/support/json_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include <nlohmann/json.hpp>

namespace recipe {

namespace {

constexpr size_t k_indent = 2;

// For each byte: true if it cannot be copied into a JSON string as it is, or is not ASCII. A
// table, because the writer tests every byte of megabytes of text.
constexpr std::array<bool, 256> k_needs_care = [] {
  std::array<bool, 256> table{};
  for (size_t byte = 0; byte < table.size(); ++byte) {
    table[byte] = byte < 0x20 || byte >= 0x80 || byte == '"' || byte == '\\';
  }
  return table;
}();

bool needs_care(char c) {
  return k_needs_care[static_cast<unsigned char>(c)];
}

// Append `text` quoted and escaped as nlohmann's serializer does it.
void append_string(std::string& out, std::string_view text) {
  if (std::find_if(text.begin(), text.end(), needs_care) == text.end()) {
    out += '"';
    out += text;
    out += '"';
    return;
  }
  // Anything beyond ASCII goes to nlohmann itself: it checks the UTF-8 and throws its own
  // type_error on a bad byte, as the DOM-based output did. Such strings are rare (authors'
  // names, descriptions).
  if (std::ranges::any_of(text, [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    out += nlohmann::json(std::string(text)).dump();
    return;
  }
  out += '"';
  for (char c : text) {
    switch (c) {
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static constexpr char k_hex[] = "0123456789abcdef";
          out += "\\u00";
          out += k_hex[(c >> 4) & 0xf];
          out += k_hex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

}  // namespace

JsonWriter::JsonWriter(size_t capacity) {
  m_out.reserve(capacity);
}

void JsonWriter::new_line(size_t depth) {
  // A line break and the indentation of the usual depths in one append.
  static const std::string k_break = "\n" + std::string(k_indent * 16, ' ');
  size_t size = 1 + k_indent * depth;
  if (size <= k_break.size()) {
    m_out.append(k_break, 0, size);
  } else {
    m_out += '\n';
    m_out.append(k_indent * depth, ' ');
  }
}

void JsonWriter::begin_item() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_empty.empty()) {
    return;  // the top-level value
  }
  if (!m_empty.back()) {
    m_out += ',';
  }
  m_empty.back() = false;
  new_line(m_empty.size());
}

void JsonWriter::open(char bracket) {
  begin_item();
  m_out += bracket;
  m_empty.push_back(true);
}

void JsonWriter::close(char bracket) {
  bool empty = m_empty.back();
  m_empty.pop_back();
  if (!empty) {
    new_line(m_empty.size());
  }
  m_out += bracket;
}

JsonWriter& JsonWriter::begin_object() {
  open('{');
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  open('[');
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  begin_item();
  append_string(m_out, name);
  m_out += ": ";
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  begin_item();
  append_string(m_out, text);
  return *this;
}

JsonWriter& JsonWriter::number(std::int64_t value) {
  begin_item();
  std::array<char, 24> digits;
  char* end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
  m_out.append(digits.data(), end);
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  begin_item();
  m_out += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  begin_item();
  m_out += "null";
  return *this;
}

std::string JsonWriter::take() {
  m_empty.clear();
  m_after_key = false;
  return std::exchange(m_out, {});
}

}  // namespace recipe
