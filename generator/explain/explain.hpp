#pragma once

#include <string>
#include <vector>

#include "generator/explain/unit_record.hpp"

namespace recipe::explain {

// The first labelled field of a unit that differs between two plans.
struct Change {
  std::string field;  // "toolchain", "feature \"rc\" of serde@1.0.152", "profile opt_level", …
  std::string before;
  std::string after;

  auto operator<=>(const Change&) const = default;
};

// A unit whose id changed only because a dependency's did, and the chain of changed units from
// it down to one whose own fields changed (the last entry).
struct Follower {
  std::string unit;                // its label
  std::vector<std::string> chain;  // labels, the unit's changed dependency first
};

// One root cause: a change, the units whose own fields changed that way, and the units that
// moved only because of those.
struct Cause {
  Change change;
  std::vector<std::string> units;   // labels, sorted
  std::vector<Follower> followers;  // sorted by label
};

// Why the units of `after` differ from those of `before`.
struct Explanation {
  size_t units_before = 0;
  size_t units_after = 0;
  size_t unchanged = 0;
  std::vector<Cause> causes;         // sorted by change
  std::vector<std::string> added;    // labels of units only `after` has, sorted
  std::vector<std::string> removed;  // labels of units only `before` has, sorted
};

// Pair the units of the two plans (by package name, target, mode, side and platform), and for
// each pair whose id changed name the first differing field in the order: toolchain, source,
// features, profile, platform, rustc arguments, environment, dependency list; a pair that differs
// only in its dependencies' ids follows the changed dependency down to its cause. Pure.
Explanation explain_plans(const PlanRecord& before, const PlanRecord& after);

// The explanation as text for a terminal: a summary line, then each cause with its units and the
// units that followed.
std::string render_explanation_text(const Explanation& explanation);

// The explanation as JSON (schema cargo-recipe/explain/1, see schemas/explain.schema.json).
std::string render_explanation_json(const Explanation& explanation);

}  // namespace recipe::explain
