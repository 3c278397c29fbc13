#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generator/model/semver.hpp"

// Distro package hints: which system packages (apt or apk) a crate's build needs. Plain data,
// filled by the readers in this folder, resolved by resolve.hpp, installed by emit/.
namespace recipe::hints {

// A family of distros sharing one package manager and one naming of packages.
enum class Distro { debian, alpine };

// "debian" / "alpine".
const char* to_string(Distro distro);
// The key of its package lists in hints files and manifests: "apt" / "apk".
const char* list_key(Distro distro);
// "debian" or "alpine"; nullopt otherwise.
std::optional<Distro> parse_distro(std::string_view name);

// One package, pinned to a version or not.
struct SystemPackage {
  std::string name;
  std::string version;  // "" when not pinned

  // The word the package manager is given: "libssl-dev", "libssl-dev=3.0.15-1~deb12u1".
  std::string install_word() const;
  auto operator<=>(const SystemPackage&) const = default;
};

// The install words of `packages`, separated by spaces: "libssl-dev pkg-config".
std::string install_words(const std::vector<SystemPackage>& packages);

// What one source says of one crate.
struct CrateHint {
  std::string crate;                                      // package name, e.g. "openssl-sys"
  std::optional<model::VersionReq> req;                   // the versions it applies to; none: every version
  std::string req_text;                                   // the requirement as written, "" when none
  std::map<Distro, std::vector<SystemPackage>> packages;  // only the families it names
  std::string where;                                      // "hints.toml:12:1", for explanations
};

// One place hints come from: the built-in database, a hints file, a manifest, the environment.
struct HintSource {
  std::string name;  // "built-in database", "hints file ci/hints.toml", ...
  std::vector<CrateHint> crates;
  // Packages for every unit that runs a build script or links, whatever its crate.
  std::map<Distro, std::vector<SystemPackage>> everywhere;
};

}  // namespace recipe::hints
