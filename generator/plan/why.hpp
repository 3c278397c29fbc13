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

}  // namespace recipe::plan
