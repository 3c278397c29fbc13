#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "generator/model/workspace.hpp"

namespace recipe::cargo {

struct LockedPackage {
  std::string name;
  std::string version;
  std::string source;    // "" for path packages
  std::string checksum;  // sha256 of the .crate file; "" when the lockfile has none
  int line = 0;          // where the entry starts, for messages
};

struct Lockfile {
  int version = 0;  // 1 to 4
  std::string origin;
  // Keyed by (name, version); a name@version from two sources keeps both entries.
  std::multimap<std::pair<std::string, std::string>, LockedPackage> packages;

  const LockedPackage* find(const std::string& name, const std::string& version,
                            const std::string& source_prefix = "") const;
};

// Parse Cargo.lock of format versions 1 to 4. Throws InputError naming `origin`, line and key.
Lockfile parse_lockfile(std::string_view text, const std::string& origin);

// The locked checksum of every registry package, keyed by package id. Throws InputError when
// the lockfile disagrees with the metadata (a package missing, or locked at another version).
std::map<std::string, std::string> match_lockfile(const Lockfile& lock, const model::Workspace& ws);

}  // namespace recipe::cargo
