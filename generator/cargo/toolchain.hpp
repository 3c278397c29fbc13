#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "generator/model/cfg_expr.hpp"
#include "generator/model/semver.hpp"
#include "generator/support/process.hpp"

namespace recipe::cargo {

// The rustc that will run the recipe (the base image's, not necessarily the local one).
struct Toolchain {
  std::string release;  // "1.63.0" (from `rustc -vV`)
  model::Version version;
  std::string host;     // host triple
  std::map<std::string, model::CfgSet> cfg_by_triple;
  std::string distro;   // the image's /etc/os-release ID ("debian"), when the toolchain file says

  const model::CfgSet& cfg(const std::string& triple) const;
  // True when rustc is at least major.minor (gates flags such as --check-cfg).
  bool at_least(unsigned major, unsigned minor) const;
};

// Build a toolchain from the text of `rustc -vV` and of `rustc --print cfg` for the host.
// Throws InputError naming `origin` when either is malformed.
Toolchain toolchain_from_text(std::string_view rustc_vv, std::string_view host_cfg, const std::string& origin);

// Read a toolchain file: TOML with `rustc_vv` and `cfg` strings, an optional `distro` (the image's
// os-release ID) and an optional `[target_cfg]`
// table of triple = cfg text for cross targets (hack/make-base-image.sh writes it).
Toolchain read_toolchain_file(const std::string& path);

// Ask the local rustc (argv[0] `rustc`) for its version and its cfg for the host and `targets`.
Toolchain query_local_toolchain(ProcessRunner& runner, const std::vector<std::string>& targets);

}  // namespace recipe::cargo
