#pragma once

#include <map>
#include <string>

#include "generator/model/cfg_expr.hpp"
#include "generator/model/semver.hpp"

namespace recipe::model {

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

}  // namespace recipe::model
