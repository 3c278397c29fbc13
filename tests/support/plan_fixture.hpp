#pragma once

#include <memory>
#include <string>
#include <vector>

#include "generator/model/toolchain.hpp"
#include "generator/plan/plan.hpp"

namespace recipe::testing {

// The directory of the test sources (fixtures live under it).
std::string test_data(const std::string& relative);

// rustc 1.63 on x86_64 Linux, with its real `rustc --print cfg`, plus a Windows GNU target.
model::Toolchain linux_toolchain(const std::string& release = "1.63.0");

// linux_toolchain() read back from a toolchain file that adds aarch64-unknown-linux-gnu as
// hack/write-toolchain-file.sh writes it: Debian architecture arm64, a cross linker and C
// compiler, and one build-script variable.
model::Toolchain cross_toolchain(const std::string& release = "1.63.0");

// A plan together with the workspace it points into.
struct PlannedWorkspace {
  std::unique_ptr<model::Workspace> workspace;
  plan::Plan plan;

  // The unit of `package` whose target is `target` and mode `mode`, host or not; throws if absent.
  const plan::Unit& unit(const std::string& package, const std::string& target, bool for_host = false,
                         plan::Mode mode = plan::Mode::build) const;
  bool has_unit(const std::string& package, bool for_host) const;
};

// The value after each `-C` of `unit`'s rustc line, in order.
std::vector<std::string> codegen_options(const plan::Unit& unit);

// Plan `metadata` as cargo would with the root manifest text `root_manifest` (its profiles).
PlannedWorkspace plan_json(const std::string& metadata, plan::PlanOptions opts = {}, const std::string& resolver = "2",
                           const model::Toolchain& toolchain = linux_toolchain(),
                           const std::string& root_manifest = "");

}  // namespace recipe::testing
