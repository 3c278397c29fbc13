#include "generator/model/toolchain.hpp"

#include "generator/support/error.hpp"

namespace recipe::model {

const CfgSet& Toolchain::cfg(const std::string& triple) const {
  auto it = cfg_by_triple.find(triple);
  if (it == cfg_by_triple.end()) {
    std::string known;
    for (const auto& [name, cfg] : cfg_by_triple) {
      known += (known.empty() ? "" : ", ") + name;
    }
    throw InputError("the toolchain supports no target \"" + triple + "\" (it has " + known +
                     "; use a build image made for it and its toolchain file, whose [target." + triple +
                     "] table holds rustc --print cfg --target " + triple + ")");
  }
  return it->second;
}

const TargetSettings* Toolchain::target_settings(const std::string& triple) const {
  auto it = targets.find(triple);
  return it == targets.end() ? nullptr : &it->second;
}

std::map<std::string, std::string> Toolchain::deb_arch_by_triple() const {
  std::map<std::string, std::string> out;
  for (const auto& [triple, settings] : targets) {
    if (!settings.deb_arch.empty()) {
      out.emplace(triple, settings.deb_arch);
    }
  }
  return out;
}

bool Toolchain::at_least(unsigned major, unsigned minor) const {
  return version.major > major || (version.major == major && version.minor >= minor);
}

}  // namespace recipe::model
