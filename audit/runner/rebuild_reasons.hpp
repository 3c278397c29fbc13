#pragma once

#include <string>
#include <vector>

#include "audit/runner/build_status.hpp"
#include "generator/explain/explain.hpp"

namespace recipe::runner {

// Why one unit of a build ran instead of coming from the engine's cache.
struct RebuildReason {
  std::string unit;    // its title
  std::string reason;  // "feature \"rc\" of serde@1.0.152 changed (off -> on)", "follows lib mutil@0.1.0 …, whose …"
};

// For each unit `status` saw built, the explain reason against the previous build's plan
// (`explanation` = explain_plans(previous, now)): the unit's own change, or the changed unit it
// follows and that one's change; a unit the previous build did not have is new; a unit whose
// inputs are unchanged ran because the engine's cache no longer held it. Units are paired with
// the explanation's by the id in their stage names. Pure; sorted by title.
std::vector<RebuildReason> rebuild_reasons(const BuildStatus& status, const explain::Explanation& explanation);

// One line per reason ("  lib mutil 0.1.0: source files of mutil@0.1.0 changed (…)"), under a
// heading that counts them.
std::string render_rebuild_reasons(const std::vector<RebuildReason>& reasons);

}  // namespace recipe::runner
