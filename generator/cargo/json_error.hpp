#pragma once

#include <string>
#include <string_view>

namespace recipe::cargo {

// "origin:line:col" for a byte offset into `text`, so parse errors point into the file.
std::string location_of(const std::string& origin, std::string_view text, size_t byte_offset);

}  // namespace recipe::cargo
