#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recipe::model {

struct Version {
  unsigned long long major = 0;
  unsigned long long minor = 0;
  unsigned long long patch = 0;
  std::string pre;  // pre-release without the '-'; build metadata is dropped

  // Parse "1.2.3", "1.2.3-alpha.1+build". Returns nullopt when malformed.
  static std::optional<Version> parse(std::string_view text);
  // Semver precedence (pre-release identifiers compared as semver 2.0 says).
  int compare(const Version& other) const;
};

// A cargo version requirement: comma-separated comparators, each `^`, `~`, `=`, `>`, `>=`, `<`,
// `<=`, a bare version (caret), or wildcards (`*`, `1.*`, `1.2.x`).
class VersionReq {
 public:
  // Returns nullopt when `text` is not a requirement cargo accepts.
  static std::optional<VersionReq> parse(std::string_view text);
  bool matches(const Version& version) const;

 private:
  struct Comparator {
    enum class Op { exact, greater, greater_eq, less, less_eq, tilde, caret, wildcard };
    Op op = Op::caret;
    unsigned long long major = 0;
    std::optional<unsigned long long> minor;
    std::optional<unsigned long long> patch;
    std::string pre;
    bool matches(const Version& v) const;
  };
  std::vector<Comparator> m_comparators;
};

}  // namespace recipe::model
