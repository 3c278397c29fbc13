#include "generator/support/hash.hpp"

#include <array>
#include <cstdio>

namespace recipe {

namespace {

std::string to_hex(const XXH128_hash_t& hash) {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, hash);
  static constexpr std::array<char, 16> k_digits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                    '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  std::string hex;
  hex.reserve(sizeof(canonical.digest) * 2);
  for (unsigned char byte : canonical.digest) {
    hex.push_back(k_digits[byte >> 4]);
    hex.push_back(k_digits[byte & 0xf]);
  }
  return hex;
}

}  // namespace

Hasher::Hasher() : m_state(XXH3_createState()) {
  XXH3_128bits_reset(m_state);
}

Hasher::~Hasher() {
  XXH3_freeState(m_state);
}

void Hasher::update(std::string_view bytes) {
  XXH3_128bits_update(m_state, bytes.data(), bytes.size());
}

Hasher& Hasher::field(std::string_view label, std::string_view value) {
  // Length prefixes make the encoding injective: no two field sequences share a byte stream.
  char prefix[48];
  int n = std::snprintf(prefix, sizeof(prefix), "%zu:", label.size());
  update({prefix, static_cast<size_t>(n)});
  update(label);
  n = std::snprintf(prefix, sizeof(prefix), "%zu:", value.size());
  update({prefix, static_cast<size_t>(n)});
  update(value);
  return *this;
}

Hasher& Hasher::field(std::string_view label, std::int64_t value) {
  return field(label, std::to_string(value));
}

std::string Hasher::hex_digest() const {
  return to_hex(XXH3_128bits_digest(m_state));
}

std::string xxh3_128_hex(std::string_view bytes) {
  return to_hex(XXH3_128bits(bytes.data(), bytes.size()));
}

}  // namespace recipe
