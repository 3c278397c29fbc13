#pragma once

#include <string>

#include "generator/plan/plan.hpp"

namespace recipe::plan {

// The plan as JSON (schemas/plan.schema.json): keys sorted, units in plan order, so that two
// plans of the same inputs are byte-identical.
std::string render_plan_json(const Plan& plan);

// One line per unit, for people: "serde@1.0.152 lib build [derive,std] 3f2a…".
std::string render_plan_text(const Plan& plan);

}  // namespace recipe::plan
