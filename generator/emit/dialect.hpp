#pragma once

#include <optional>
#include <string>

namespace recipe::emit {

// What the Dockerfile frontend understands. Both dialects come from the same model; this is the
// only place they differ.
//  - portable: Docker 20.10's built-in frontend and buildah: no `# syntax`, no COPY --link,
//    no ADD --checksum (crates are verified by sha256sum in a RUN), no RUN --network.
//  - modern: a pinned dockerfile:1 frontend: COPY --link, ADD --checksum, RUN --network=none.
class Dialect {
 public:
  enum class Kind { portable, modern };

  // Throws InputError for a name other than "portable" or "modern".
  static Dialect parse(const std::string& name);

  Kind kind() const { return m_kind; }
  const char* name() const;
  // The first line of the file, if any.
  std::optional<std::string> syntax_line() const;
  // Flags of a COPY of files from the context or a stage ("" or "--link ").
  std::string copy_flags() const;
  // Flags of a RUN that compiles or runs a build script: no network where it can be said.
  std::string sandbox_flags() const;
  // Lines that fetch `url` into `crate_file` and fail unless its sha256 is `checksum`.
  std::string fetch_verified(const std::string& url, const std::string& checksum, const std::string& crate_file) const;

 private:
  explicit Dialect(Kind kind) : m_kind(kind) {}
  Kind m_kind;
};

}  // namespace recipe::emit
