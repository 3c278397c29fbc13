#include "generator/emit/dialect.hpp"

#include "generator/emit/escape.hpp"
#include "generator/emit/json_words.hpp"
#include "generator/support/error.hpp"

namespace recipe::emit {

namespace {

// The newest dockerfile frontend line whose features the modern dialect uses (ADD --checksum: 1.6).
constexpr const char* k_modern_syntax = "# syntax=docker/dockerfile:1.7";

}  // namespace

Dialect Dialect::parse(const std::string& name) {
  if (name == "portable") {
    return Dialect(Kind::portable);
  }
  if (name == "modern") {
    return Dialect(Kind::modern);
  }
  throw InputError("unknown dialect \"" + name + "\" (expected \"portable\" or \"modern\")");
}

const char* Dialect::name() const {
  return m_kind == Kind::portable ? "portable" : "modern";
}

std::optional<std::string> Dialect::syntax_line() const {
  if (m_kind == Kind::modern) {
    return k_modern_syntax;
  }
  return std::nullopt;
}

std::string Dialect::copy_flags() const {
  return m_kind == Kind::modern ? "--link " : "";
}

std::string Dialect::sandbox_flags() const {
  return m_kind == Kind::modern ? "--network=none " : "";
}

std::string Dialect::fetch_verified(const std::string& url, const std::string& checksum,
                                    const std::string& crate_file) const {
  const std::string words = plain_word(url, "crate URL") + " " + plain_word(crate_file, "crate file");
  if (m_kind == Kind::modern) {
    return "ADD --checksum=sha256:" + plain_word(checksum, "checksum") + " " + words + "\n";
  }
  // No ADD --checksum on the portable frontend: download, then refuse anything else.
  return "ADD " + words + "\n" + "RUN " +
         json_words({"/bin/sh", "-c", "echo \"$1  $2\" | sha256sum -c -", "verify", checksum, crate_file}) + "\n";
}

}  // namespace recipe::emit
