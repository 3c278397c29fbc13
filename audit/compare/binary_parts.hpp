#pragma once

#include <map>
#include <string>
#include <string_view>

namespace recipe::compare {

// The members of an ar archive (an rlib) by name, or empty when `bytes` is not one.
std::map<std::string, std::string_view> ar_members(std::string_view bytes);

// The sections of a 64-bit little-endian ELF file by name, or empty when `bytes` is not one.
std::map<std::string, std::string_view> elf_sections(std::string_view bytes);

}  // namespace recipe::compare
