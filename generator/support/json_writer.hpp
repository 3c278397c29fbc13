#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace recipe {

// Streams JSON into a string exactly as nlohmann's dump(2) prints it (two-space indentation,
// `"key": value`, empty containers as {} and [], nlohmann's string escaping), without building a
// DOM: a plan of a large workspace is megabytes, and a DOM first costs as much as printing it.
// nlohmann's objects are std::maps, so callers write keys in sorted order to match.
class JsonWriter {
 public:
  // `capacity`: the expected size of the text, reserved up front. Growing a megabyte-sized string
  // copies it into freshly faulted pages; reserved pages that are never written cost nothing.
  explicit JsonWriter(size_t capacity = 0);

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();

  // The key of the next value in the current object.
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view text);
  JsonWriter& number(std::int64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();

  // An array of the strings in `items` (any range of strings), in their order.
  template <typename Strings>
  JsonWriter& strings(const Strings& items) {
    begin_array();
    for (const auto& item : items) {
      string(item);
    }
    return end_array();
  }

  // An object of string values, from any map of strings (sorted, as std::map is).
  template <typename StringMap>
  JsonWriter& string_map(const StringMap& entries) {
    begin_object();
    for (const auto& [name, text] : entries) {
      key(name).string(text);
    }
    return end_object();
  }

  // The text written so far; the writer is empty afterwards.
  std::string take();

 private:
  // The separator, line break and indentation before a value or key.
  void begin_item();
  // A line break and the indentation of `depth` levels.
  void new_line(size_t depth);
  void open(char bracket);
  void close(char bracket);

  std::string m_out;
  // Per open container: nothing written in it yet. Bytes, not std::vector<bool>: its bit
  // arithmetic showed up in profiles of writing a plan.
  std::vector<char> m_empty;
  bool m_after_key = false;
};

}  // namespace recipe
