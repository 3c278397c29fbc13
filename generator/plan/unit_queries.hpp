#pragma once

#include <string>
#include <vector>

#include "generator/plan/plan.hpp"

// Questions about a unit's neighbourhood that both the rustc line and the recipe ask.
namespace recipe::plan {

// The run of the unit's own package's build script that this unit depends on, if any.
const Unit* own_build_script_run(const Unit& unit, const std::vector<Unit>& units);

// Every library unit reachable through build-mode dependencies (what -L dependency= must
// cover), as indices sorted by unit id.
std::vector<size_t> transitive_libs(const Unit& unit, const std::vector<Unit>& units);

// The build-script runs whose `rustc-link-search` paths reach `unit`: its own package's, then
// those of every library it links, transitively, through edges to linkable targets that are not
// host code (cargo's build_map rules). Own run first, the rest sorted by unit id.
std::vector<size_t> link_search_runs(const Unit& unit, const std::vector<Unit>& units);

// For a build-script run: the runs of `links` dependencies whose metadata it reads (DEP_*),
// with the `links` value of each.
std::vector<std::pair<size_t, std::string>> links_runs(const Unit& run, const std::vector<Unit>& units);

}  // namespace recipe::plan
