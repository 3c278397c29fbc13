#pragma once

#include <string>
#include <string_view>

#include "generator/plan/plan.hpp"

namespace recipe::plan {

// `plan --why QUERY`: for "PKG/FEATURE" (PKG a name or name@version), every chain of `[features]`
// entries and dependency declarations that switched the feature on, as an inverted tree in the
// shape of `cargo tree -e features -i` (a node met again is marked "(*)"); for "PKG", the shortest
// dependency path from a root to each of the package's units. Pure. Throws InputError when no
// planned package matches, or the feature is not on.
std::string render_why(const Plan& plan, std::string_view query);

// What switched `feature` of `unit` on, one step up: the nodes `render_why` would print right
// under it ("mcore v0.1.0", "mcore feature \"ordered\"", "the command line"), joined by ", ".
// Empty if the feature is off. Pure.
std::string feature_activators(const Plan& plan, const Unit& unit, const std::string& feature);

}  // namespace recipe::plan
