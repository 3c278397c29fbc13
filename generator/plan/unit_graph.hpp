#pragma once

#include <map>
#include <string>
#include <vector>

#include "generator/plan/dep_graph.hpp"
#include "generator/plan/features.hpp"
#include "generator/plan/plan.hpp"
#include "generator/plan/profile.hpp"

namespace recipe::plan {

// What a unit is being built for, as cargo's UnitFor: it decides profile and features.
struct UnitFor {
  bool host = false;           // build-override profile (build scripts, proc-macros, their deps)
  bool host_features = false;  // features resolved for the host side of the graph
  bool always_unwind = false;  // panic=abort never applies (host code)

  UnitFor for_custom_build() const { return {true, host_features, true}; }
  UnitFor with_dependency(const model::Target& parent, const model::Target& dep) const;
};

struct UnitGraphContext {
  const model::Workspace* workspace;
  const DepGraph* graph;
  const ResolvedFeatures* features;
  const Profiles* profiles;
  const model::CfgSet* host_cfg;
  std::map<std::string, const model::CfgSet*> target_cfgs;  // of each --target triple
  std::vector<std::string> targets;                         // --target triples; empty: the host
};

struct RootTarget {
  const model::Package* package;
  const model::Target* target;
};

// Build the unit graph from `roots` the way cargo's unit_dependencies.rs does, including the
// links edges between build-script runs. Units come back in discovery order with `deps` set;
// ids, args and env are left empty. Each root is planned for every --target (once for the host
// when there is none, and once in all for a proc-macro). `root_units` receives each root's unit.
std::vector<Unit> build_unit_graph(const UnitGraphContext& ctx, const std::vector<RootTarget>& roots,
                                   std::vector<size_t>& root_units);

}  // namespace recipe::plan
