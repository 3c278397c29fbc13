#pragma once

#include <CLI/CLI.hpp>

#include "generator/plan/plan.hpp"

namespace recipe::cli {

// `cargo-recipe plan`: print every unit cargo would build, with its rustc line.
void add_plan_command(CLI::App& app);

// Fill `plan.source_digests` from the files of its path packages (not the recipes and vendor
// folders), so that the JSON plan records what `explain` compares. Leaves them out, logging
// why, when the package folders cannot be read (a plan of saved metadata).
void record_source_digests(plan::Plan& plan, const model::Workspace& ws);

}  // namespace recipe::cli
