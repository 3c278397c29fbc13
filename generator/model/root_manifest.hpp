#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace recipe::model {

// One `[profile.NAME]` table (or its `build-override` / `package.SPEC` sub-tables) as written:
// every field optional, merged over cargo's defaults by plan/profile.
struct ProfileToml {
  std::optional<std::string> opt_level;        // "0".."3", "s", "z"
  std::optional<std::string> debug;            // "0", "1", "2", "line-tables-only", "line-directives-only"
  std::optional<std::string> debug_written;    // as written ("false", "0", "limited"...): old cargo differs
  std::optional<std::string> split_debuginfo;  // "off", "packed", "unpacked"
  std::optional<bool> debug_assertions;
  std::optional<bool> overflow_checks;
  std::optional<int> codegen_units;
  std::optional<std::string> panic;  // "unwind", "abort"
  std::optional<std::string> lto;    // "false", "true", "thin", "fat", "off"
  std::optional<std::string> strip;  // "none", "debuginfo", "symbols"
  std::optional<bool> incremental;
  std::optional<bool> rpath;
  std::optional<std::string> inherits;
  std::shared_ptr<ProfileToml> build_override;
  std::map<std::string, ProfileToml> packages;  // "*" or a package name
};

// What the workspace root manifest says that cargo metadata does not: resolver and profiles.
struct RootManifest {
  std::optional<std::string> resolver;  // "1", "2", "3"
  std::optional<std::string> edition;   // of the root package, when there is one
  std::map<std::string, ProfileToml> profiles;
};

}  // namespace recipe::model
