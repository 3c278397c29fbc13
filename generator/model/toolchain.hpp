#pragma once

#include <map>
#include <string>

#include "generator/model/cfg_expr.hpp"
#include "generator/model/semver.hpp"

namespace recipe::model {

// How the build image builds for one cross target: what cargo reads from `[target.TRIPLE] linker`
// (or CARGO_TARGET_<TRIPLE>_LINKER) and a build script from CC_<triple> and the like.
struct TargetSettings {
  std::string deb_arch;  // Debian architecture of the target's -dev packages ("arm64"); "" if none
  std::string linker;    // rustc's -C linker for units built for the target; "" for rustc's default
  std::string cc;        // C compiler of the target's build scripts (CC_<triple>); "" for cc's default
  std::map<std::string, std::string> env;  // more variables for the target's build-script runs
};

// The rustc that will run the recipe (the base image's, not necessarily the local one).
struct Toolchain {
  std::string release;  // "1.63.0" (from `rustc -vV`)
  model::Version version;
  std::string host;  // host triple
  std::map<std::string, model::CfgSet> cfg_by_triple;
  std::string distro;  // the image's /etc/os-release ID ("debian"), when the toolchain file says
  std::map<std::string, TargetSettings> targets;  // cross targets the image is set up for, by triple

  // The cfg of `triple`. Throws InputError naming the triples the toolchain knows.
  const model::CfgSet& cfg(const std::string& triple) const;
  // The settings of cross target `triple`, or nullptr (the host, or a target given no settings).
  const TargetSettings* target_settings(const std::string& triple) const;
  // The Debian architecture of each cross target that has one, by triple.
  std::map<std::string, std::string> deb_arch_by_triple() const;
  // True when rustc is at least major.minor (gates flags such as --check-cfg).
  bool at_least(unsigned major, unsigned minor) const;
};

}  // namespace recipe::model
