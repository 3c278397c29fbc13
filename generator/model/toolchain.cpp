#include "generator/model/toolchain.hpp"

#include "generator/support/error.hpp"

namespace recipe::model {

const CfgSet& Toolchain::cfg(const std::string& triple) const {
  auto it = cfg_by_triple.find(triple);
  if (it == cfg_by_triple.end()) {
    throw InputError("no cfg known for target \"" + triple +
                     "\" (add it to the toolchain file's [target_cfg] table, from rustc --print cfg --target " + triple + ")");
  }
  return it->second;
}

bool Toolchain::at_least(unsigned major, unsigned minor) const {
  return version.major > major || (version.major == major && version.minor >= minor);
}

}  // namespace recipe::model
