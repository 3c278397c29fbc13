#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <xxhash.h>

namespace recipe {

// Streaming XXH3-128 with labelled fields, so that ("-I", "-O2") and ("-I-O2") hash apart
// (ccache's hash_delimiter). Used for unit ids: stable across runs, machines and hash seeds.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  // Add `value` under `label`; both are length-prefixed.
  Hasher& field(std::string_view label, std::string_view value);
  Hasher& field(std::string_view label, std::int64_t value);

  // The digest as 32 lowercase hex digits.
  std::string hex_digest() const;

 private:
  void update(std::string_view bytes);

  XXH3_state_t* m_state;
};

// XXH3-128 of `bytes` as 32 lowercase hex digits.
std::string xxh3_128_hex(std::string_view bytes);

}  // namespace recipe
