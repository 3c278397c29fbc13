#pragma once

#include <cstddef>
#include <vector>

#include "generator/plan/plan.hpp"

namespace recipe::plan {

// Set each unit's `lto` as cargo's core/compiler/lto.rs does: from each of `roots` down the
// dependency edges, a root's profile `lto` and crate types deciding what its dependencies must
// produce; a unit reached on several paths gets the union of what they need. Host code (build
// scripts, proc-macros) and what only it uses carry object code alone.
void decide_lto(std::vector<Unit>& units, const std::vector<size_t>& roots);

// The rustc flags of `unit.lto` (cargo's lto_args).
std::vector<std::string> lto_flags(const Unit& unit);

}  // namespace recipe::plan
