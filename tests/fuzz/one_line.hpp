#pragma once

#include <algorithm>
#include <cstring>
#include <string_view>

#include "generator/support/error.hpp"

// What the readers promise of their errors, checked by the fuzz targets; each traps (a libFuzzer
// crash) when broken, whatever the input's values or a parser's own message hold.

// The message is one line.
inline void require_one_line(const recipe::InputError& error) {
  if (std::strchr(error.what(), '\n') != nullptr) {
    __builtin_trap();
  }
}

// Every line of the message (one per problem) starts with `origin`.
inline void require_located_lines(const recipe::InputError& error, std::string_view origin) {
  std::string_view message = error.what();
  for (size_t start = 0; start <= message.size();) {
    size_t end = std::min(message.find('\n', start), message.size());
    if (!message.substr(start, end - start).starts_with(origin)) {
      __builtin_trap();
    }
    start = end + 1;
  }
}
