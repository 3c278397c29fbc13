#pragma once

#include <compare>
#include <map>
#include <optional>
#include <string>

#include "generator/model/root_manifest.hpp"
#include "generator/model/toolchain.hpp"
#include "generator/model/workspace.hpp"

namespace recipe::plan {

// A fully resolved profile: what cargo hands rustc for one unit.
struct Profile {
  std::string name;
  std::string root;  // "release" or "dev": the built-in profile `name` inherits from
  std::string opt_level;
  std::string debuginfo;             // "0", "1", "2", "line-tables-only", "line-directives-only"
  bool debuginfo_zero_flag = false;  // an explicit `debug = 0` old cargo spells `-C debuginfo=0`
  bool debuginfo_weakened = false;   // host code whose deferred debuginfo cargo turned off
  std::string split_debuginfo;       // "", "off", "packed", "unpacked"
  bool debug_assertions = false;
  bool overflow_checks = false;
  std::optional<int> codegen_units;
  std::string panic;  // "unwind" or "abort"
  std::string lto;    // "false", "true", "thin", "fat", "off"
  std::string strip;  // "none", "debuginfo", "symbols"; "" while cargo's default is undecided
  bool incremental = false;
  bool rpath = false;

  auto operator<=>(const Profile&) const = default;
};

// Where cargo's profile handling changed, what the cargo of one rustc release does (a toolchain's
// rustc release stands for its cargo's; each field names the release that brought the change).
struct ProfileRules {
  bool split_debuginfo_on_linux = true;  // 1.65: `-C split-debuginfo` is stable on Linux
  bool host_debuginfo_deferred = true;   // 1.69: host code gets no debuginfo unless asked for,
                                         // and split-debuginfo is passed only with debuginfo
  bool named_debuginfo = true;           // 1.71: debug = "limited", "line-tables-only"...
  bool explicit_zero_debuginfo = false;  // before 1.73: `debug = 0` is passed as -C debuginfo=0
  bool default_strip = true;             // 1.77: strip debuginfo where no unit carries any

  static ProfileRules for_toolchain(const model::Toolchain& toolchain);
};

// Resolves profiles the way cargo's profiles.rs does: built-in defaults, then `[profile.NAME]`
// (following `inherits`), then `build-override` for host units, then `package."*"` for
// non-members and `package.NAME`.
class Profiles {
 public:
  // Throws InputError when `name` is neither built in nor declared in `manifest`, or when a table
  // uses a setting the cargo of `rules` does not know.
  Profiles(const model::RootManifest& manifest, std::string name, ProfileRules rules = {});

  Profile for_unit(const model::Package& pkg, bool for_host) const;
  // The profile of running a build script: the default profile with the parent's name,
  // opt-level and debuginfo (cargo's get_profile_run_custom_build).
  Profile for_run_custom_build(const Profile& parent) const;
  const std::string& name() const { return m_name; }

 private:
  std::string m_name;
  std::string m_root;  // "dev" or "release": where the defaults come from
  ProfileRules m_rules;
  model::ProfileToml m_merged;                           // the `inherits` chain, flattened
  std::optional<model::ProfileToml> m_build_override;    // the chain's build-override tables, if any
  std::map<std::string, model::ProfileToml> m_packages;  // "*" or a package name
};

}  // namespace recipe::plan
