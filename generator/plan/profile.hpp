#pragma once

#include <compare>
#include <map>
#include <optional>
#include <string>

#include "generator/model/root_manifest.hpp"
#include "generator/model/workspace.hpp"

namespace recipe::plan {

// A fully resolved profile: what cargo hands rustc for one unit.
struct Profile {
  std::string name;
  std::string root;       // "release" or "dev": the built-in profile `name` inherits from
  std::string opt_level;
  std::string debuginfo;  // "0", "1", "2", "line-tables-only", "line-directives-only"
  bool debug_assertions = false;
  bool overflow_checks = false;
  std::optional<int> codegen_units;
  std::string panic;      // "unwind" or "abort"
  std::string lto;        // "false", "true", "thin", "fat", "off"
  std::string strip;      // "none", "debuginfo", "symbols"; "" while cargo's default is undecided
  bool incremental = false;
  bool rpath = false;

  auto operator<=>(const Profile&) const = default;
};

// Resolves profiles the way cargo's profiles.rs does: built-in defaults, then `[profile.NAME]`
// (following `inherits`), then `build-override` for host units, then `package."*"` for
// non-members and `package.NAME`.
class Profiles {
 public:
  // Throws InputError when `name` is neither built in nor declared in `manifest`.
  Profiles(const model::RootManifest& manifest, std::string name);

  Profile for_unit(const model::Package& pkg, bool for_host) const;
  // The profile of running a build script: the default profile with the parent's name,
  // opt-level and debuginfo (cargo's get_profile_run_custom_build).
  Profile for_run_custom_build(const Profile& parent) const;
  const std::string& name() const { return m_name; }

 private:
  std::string m_name;
  std::string m_root;  // "dev" or "release": where the defaults come from
  model::ProfileToml m_merged;          // the `inherits` chain, flattened
  model::ProfileToml m_build_override;  // cargo's default, then the chain's build-override tables
  std::map<std::string, model::ProfileToml> m_packages;  // "*" or a package name
};

}  // namespace recipe::plan
