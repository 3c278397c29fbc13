#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace recipe {

// XXH3-128 of labelled fields, so that ("-I", "-O2") and ("-I-O2") hash apart (ccache's
// hash_delimiter). Used for unit ids: stable across runs, machines and hash seeds. The fields
// are kept until the digest and hashed in one pass, which gives the digest streaming would and
// costs far less than thousands of small XXH3 updates: meant for records of kilobytes, not files.
class Hasher {
 public:
  // `expected_size`: about how many bytes the fields will take, reserved up front (a unit's record
  // is kilobytes; growing the buffer to it was a third of the hashing).
  explicit Hasher(size_t expected_size = 0) { grow(expected_size); }
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  // Add `value` under `label`; both are length-prefixed.
  Hasher& field(std::string_view label, std::string_view value);
  Hasher& field(std::string_view label, std::int64_t value);

  // The digest as 32 lowercase hex digits.
  std::string hex_digest() const;

 private:
  // Make room for `extra` more bytes; returns where they go.
  char* room_for(size_t extra);
  void grow(size_t capacity);

  // A plain buffer rather than a std::string, whose resize would zero-fill every field first.
  std::unique_ptr<char[]> m_bytes;
  size_t m_size = 0;
  size_t m_capacity = 0;
};

// XXH3-128 of `bytes` as 32 lowercase hex digits.
std::string xxh3_128_hex(std::string_view bytes);

// SHA-256 of `bytes` as 64 lowercase hex digits: what `sha256sum` prints, so that a recipe can
// name a file that a build step checks. Throws Error if OpenSSL cannot provide SHA-256.
std::string sha256_hex(std::string_view bytes);

}  // namespace recipe
