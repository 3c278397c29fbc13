#include "generator/support/hash.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <openssl/evp.h>
#include <xxhash.h>

#include "generator/support/error.hpp"

namespace recipe {

namespace {

std::string to_hex(const unsigned char* bytes, size_t size) {
  static constexpr std::array<char, 16> k_digits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                    '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  std::string hex;
  hex.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    hex.push_back(k_digits[bytes[i] >> 4]);
    hex.push_back(k_digits[bytes[i] & 0xf]);
  }
  return hex;
}

std::string to_hex(const XXH128_hash_t& hash) {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, hash);
  return to_hex(canonical.digest, sizeof(canonical.digest));
}

// The most bytes "<size>:" takes.
constexpr size_t k_max_prefix = 21;

// Write "<size>:<text>" at `out`; returns the end.
char* put_part(char* out, std::string_view text) {
  out = std::to_chars(out, out + k_max_prefix, text.size()).ptr;
  *out++ = ':';
  return std::copy(text.begin(), text.end(), out);
}

}  // namespace

Hasher& Hasher::field(std::string_view label, std::string_view value) {
  // Length prefixes make the encoding injective: no two field sequences share a byte stream.
  // Written in place: this runs for every argument and variable of every unit.
  char* end = put_part(put_part(room_for(2 * k_max_prefix + label.size() + value.size()), label), value);
  m_size = static_cast<size_t>(end - m_bytes.get());
  return *this;
}

Hasher& Hasher::field(std::string_view label, std::int64_t value) {
  std::array<char, 24> digits;
  char* end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
  return field(label, {digits.data(), end});
}

std::string Hasher::hex_digest() const {
  return xxh3_128_hex({m_bytes.get(), m_size});
}

char* Hasher::room_for(size_t extra) {
  if (m_size + extra > m_capacity) {
    grow(std::max(2 * m_capacity, m_size + extra));
  }
  return m_bytes.get() + m_size;
}

void Hasher::grow(size_t capacity) {
  auto bytes = std::make_unique_for_overwrite<char[]>(capacity);
  std::copy_n(m_bytes.get(), m_size, bytes.get());
  m_bytes = std::move(bytes);
  m_capacity = capacity;
}

std::string xxh3_128_hex(std::string_view bytes) {
  return to_hex(XXH3_128bits(bytes.data(), bytes.size()));
}

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    throw Error("OpenSSL SHA-256 failed");
  }
  return to_hex(digest.data(), size);
}

}  // namespace recipe
