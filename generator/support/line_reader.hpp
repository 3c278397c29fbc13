#pragma once

#include <cstddef>
#include <string_view>

namespace recipe {

// The lines of a text one by one, numbered from 1, without their '\n': for readers of our own
// line-oriented formats (recipes) that name the line of what they cannot read.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : m_rest(text) {}

  // The next line into `line`; false at the end of the text.
  bool next(std::string_view& line) {
    if (m_rest.empty()) {
      return false;
    }
    size_t eol = m_rest.find('\n');
    line = m_rest.substr(0, eol);
    m_rest = eol == std::string_view::npos ? std::string_view{} : m_rest.substr(eol + 1);
    ++m_number;
    return true;
  }

  // The number of the line `next` gave last.
  size_t number() const { return m_number; }

  // The line after it, without consuming it ("" at the end).
  std::string_view peek() const { return m_rest.substr(0, m_rest.find('\n')); }

 private:
  std::string_view m_rest;
  size_t m_number = 0;
};

}  // namespace recipe
