#pragma once

#include <string>
#include <string_view>

namespace recipe {

// `text` with every control character (and DEL) written as \n, \r, \t or \xHH: what a message,
// a log line or a comment may show of an untrusted value without ending its line.
std::string printable(std::string_view text);

// Whether `text` holds a control character (below 0x20, or DEL).
bool has_control_character(std::string_view text);

// `text` printable and between double quotes: how messages show a value.
std::string quote_value(std::string_view text);

}  // namespace recipe
