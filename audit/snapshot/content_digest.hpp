#pragma once

#include <span>
#include <string>
#include <string_view>

#include <openssl/evp.h>
#include <xxhash.h>

namespace recipe::snapshot {

struct ContentDigest {
  std::string xxh3;    // XXH3-128, canonical form, 32 lowercase hex digits
  std::string sha256;  // 64 lowercase hex digits

  bool operator==(const ContentDigest&) const = default;
};

// XXH3-128 and SHA-256 of one content fed in pieces, reusable for the next content after
// `finish()`; one per thread. Throws Error if OpenSSL cannot provide SHA-256.
class ContentHasher {
 public:
  ContentHasher();
  ~ContentHasher();
  ContentHasher(const ContentHasher&) = delete;
  ContentHasher& operator=(const ContentHasher&) = delete;

  // Add the next `bytes` of the content.
  void update(std::span<const char> bytes);

  // The digests of everything added since the last `finish()`, then start afresh.
  ContentDigest finish();

 private:
  void reset();

  XXH3_state_t* m_xxh3 = nullptr;
  EVP_MD_CTX* m_sha256 = nullptr;
};

// Both digests of `bytes` at once.
ContentDigest digest_content(std::string_view bytes);

}  // namespace recipe::snapshot
