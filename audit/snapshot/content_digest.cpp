#include "audit/snapshot/content_digest.hpp"

#include <array>
#include <memory>

#include "generator/support/error.hpp"

namespace recipe::snapshot {

namespace {

std::string to_hex(const unsigned char* bytes, size_t size) {
  static constexpr std::string_view k_digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    hex.push_back(k_digits[bytes[i] >> 4]);
    hex.push_back(k_digits[bytes[i] & 0xf]);
  }
  return hex;
}

// Fetched once: the implicit fetch behind EVP_sha256() costs a lookup per file.
const EVP_MD* sha256_algorithm() {
  static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> k_md(EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                                                    &EVP_MD_free);
  if (!k_md) {
    throw Error("OpenSSL provides no SHA-256 (EVP_MD_fetch failed)");
  }
  return k_md.get();
}

}  // namespace

ContentHasher::ContentHasher() : m_xxh3(XXH3_createState()), m_sha256(EVP_MD_CTX_new()) {
  if (m_xxh3 == nullptr || m_sha256 == nullptr) {
    XXH3_freeState(m_xxh3);
    EVP_MD_CTX_free(m_sha256);
    throw std::bad_alloc();
  }
  reset();
}

ContentHasher::~ContentHasher() {
  XXH3_freeState(m_xxh3);
  EVP_MD_CTX_free(m_sha256);
}

void ContentHasher::reset() {
  if (XXH3_128bits_reset(m_xxh3) != XXH_OK || EVP_DigestInit_ex2(m_sha256, sha256_algorithm(), nullptr) != 1) {
    throw Error("cannot start hashing (XXH3 or OpenSSL SHA-256 failed to initialise)");
  }
}

void ContentHasher::update(std::span<const char> bytes) {
  if (bytes.empty()) {
    return;
  }
  XXH3_128bits_update(m_xxh3, bytes.data(), bytes.size());
  if (EVP_DigestUpdate(m_sha256, bytes.data(), bytes.size()) != 1) {
    throw Error("OpenSSL SHA-256 failed while hashing");
  }
}

ContentDigest ContentHasher::finish() {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(m_xxh3));
  std::array<unsigned char, EVP_MAX_MD_SIZE> sha{};
  unsigned int sha_size = 0;
  if (EVP_DigestFinal_ex(m_sha256, sha.data(), &sha_size) != 1) {
    throw Error("OpenSSL SHA-256 failed while finishing a digest");
  }
  ContentDigest digest{to_hex(canonical.digest, sizeof(canonical.digest)), to_hex(sha.data(), sha_size)};
  reset();
  return digest;
}

ContentDigest digest_content(std::string_view bytes) {
  ContentHasher hasher;
  hasher.update(bytes);
  return hasher.finish();
}

}  // namespace recipe::snapshot
