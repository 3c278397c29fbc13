#include "generator/install/binaries_left.hpp"

#include <algorithm>
#include <set>

#include "generator/support/error.hpp"

namespace recipe::install {

void require_binaries_left(const plan::Plan& plan, const model::Package& pkg) {
  bool any = std::ranges::any_of(plan.roots, [&plan](size_t root) { return plan.units[root].target->is_bin(); });
  if (any) {
    return;
  }
  std::string gated;
  std::set<std::string> needed;
  std::vector<const model::Target*> bins;
  for (const auto& target : pkg.targets) {
    if (target.is_bin()) {
      bins.push_back(&target);
    }
  }
  std::ranges::sort(bins, {}, [](const model::Target* t) { return t->name; });
  for (const model::Target* bin : bins) {
    std::string features;
    for (const auto& feature : bin->required_features) {
      features += (features.empty() ? "\"" : ", \"") + feature + "\"";
      needed.insert(feature);
    }
    gated += (gated.empty() ? "" : "; ") + std::string("bin \"") + bin->name + "\" requires " + features;
  }
  std::string pass;
  for (const auto& feature : needed) {
    pass += (pass.empty() ? "" : ",") + feature;
  }
  throw InputError(pkg.key + ": none of its binaries is available with the selected features: " + gated +
                   " (pass --features " + pass + ")");
}

}  // namespace recipe::install
