#pragma once

#include "generator/model/workspace.hpp"
#include "generator/plan/plan.hpp"

namespace recipe::install {

// Check that `plan` installs at least one binary of `pkg`, as cargo install does. Throws
// InputError naming each binary of `pkg`, the features it requires and the --features to pass
// when the selected features leave none (never an empty recipe).
void require_binaries_left(const plan::Plan& plan, const model::Package& pkg);

}  // namespace recipe::install
