#include "audit/compare/binary_parts.hpp"

#include <cstdint>
#include <cstring>
#include <string>

namespace recipe::compare {

namespace {

template <typename T>
T read_le(std::string_view bytes, size_t offset) {
  T value{};
  if (offset + sizeof(T) <= bytes.size()) {
    std::memcpy(&value, bytes.data() + offset, sizeof(T));
  }
  return value;
}

std::string trim_right(std::string_view text) {
  size_t end = text.find_last_not_of(' ');
  return std::string(end == std::string_view::npos ? std::string_view{} : text.substr(0, end + 1));
}

}  // namespace

std::map<std::string, std::string_view> ar_members(std::string_view bytes) {
  std::map<std::string, std::string_view> members;
  constexpr std::string_view k_magic = "!<arch>\n";
  if (!bytes.starts_with(k_magic)) {
    return members;
  }
  std::string_view long_names;
  size_t offset = k_magic.size();
  while (offset + 60 <= bytes.size()) {
    std::string_view header = bytes.substr(offset, 60);
    std::string name = trim_right(header.substr(0, 16));
    size_t size = std::strtoul(std::string(header.substr(48, 10)).c_str(), nullptr, 10);
    std::string_view data = bytes.substr(offset + 60, std::min(size, bytes.size() - offset - 60));
    if (name == "//") {
      long_names = data;  // GNU table of long member names
    } else if (name.starts_with("/") && name.size() > 1 && std::isdigit(static_cast<unsigned char>(name[1])) != 0) {
      size_t at = std::strtoul(name.c_str() + 1, nullptr, 10);
      std::string_view rest = at < long_names.size() ? long_names.substr(at) : std::string_view{};
      name = std::string(rest.substr(0, rest.find("/\n")));
    } else if (name.ends_with("/")) {
      name.pop_back();
    }
    if (!name.empty() && name != "/") {
      members.emplace(name, data);
    }
    offset += 60 + size + (size % 2);
  }
  return members;
}

std::map<std::string, std::string_view> elf_sections(std::string_view bytes) {
  std::map<std::string, std::string_view> sections;
  if (bytes.size() < 64 || !bytes.starts_with("\177ELF") || bytes[4] != 2 || bytes[5] != 1) {
    return sections;
  }
  auto table = read_le<uint64_t>(bytes, 0x28);
  auto entry_size = read_le<uint16_t>(bytes, 0x3a);
  auto count = read_le<uint16_t>(bytes, 0x3c);
  auto names_index = read_le<uint16_t>(bytes, 0x3e);
  if (entry_size < 64 || table + uint64_t{entry_size} * count > bytes.size() || names_index >= count) {
    return sections;
  }
  auto section = [&](size_t i) {
    size_t at = table + i * entry_size;
    auto type = read_le<uint32_t>(bytes, at + 4);
    auto offset = read_le<uint64_t>(bytes, at + 0x18);
    auto size = read_le<uint64_t>(bytes, at + 0x20);
    constexpr uint32_t k_nobits = 8;
    if (type == k_nobits || offset > bytes.size()) {
      return std::string_view{};
    }
    return bytes.substr(offset, std::min<uint64_t>(size, bytes.size() - offset));
  };
  std::string_view names = section(names_index);
  for (size_t i = 1; i < count; ++i) {
    auto name_at = read_le<uint32_t>(bytes, table + i * entry_size);
    if (name_at >= names.size()) {
      continue;
    }
    std::string name(names.substr(name_at, names.substr(name_at).find('\0')));
    sections.emplace(name, section(i));
  }
  return sections;
}

}  // namespace recipe::compare
