#pragma once

#include <string>
#include <vector>

#include "generator/plan/features.hpp"
#include "generator/plan/plan.hpp"
#include "generator/plan/unit_graph.hpp"

namespace recipe::plan {

// The resolver in force: the root manifest's, else the root package's edition default, else "1".
std::string resolver_version(const PlanInputs& inputs, const PlanOptions& opts);

// The packages `cargo build` would build for `opts` (-p, --workspace, default members) with the
// features asked of each. Throws InputError for an unknown package or feature.
std::vector<RequestedPackage> select_packages(const model::Workspace& ws, const PlanOptions& opts);

// The root targets of the selected packages: the lib and the bins whose required features are on.
// Throws InputError for an unknown --bin (listing the available ones) or a bin missing features.
std::vector<RootTarget> select_root_targets(const model::Workspace& ws, const std::vector<RequestedPackage>& selected,
                                            const ResolvedFeatures& features, const PlanOptions& opts);

}  // namespace recipe::plan
