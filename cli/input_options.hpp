#pragma once

#include <CLI/CLI.hpp>

#include "generator/pipeline/load_inputs.hpp"
#include "generator/hints/collect.hpp"
#include "generator/plan/plan.hpp"

namespace recipe::cli {

// The options shared by every command that plans a workspace (plan, generate): cargo's own
// vocabulary, so `cargo recipe plan -p foo --features bar` reads like `cargo build`.
struct WorkspaceOptions {
  pipeline::LoadOptions load;
  plan::PlanOptions plan;
  std::string resolver;
};

// --toolchain, --offline and the feature options, shared by every command that plans.
void add_feature_options(CLI::App& command, pipeline::LoadOptions& load);

// Register the options on `command`.
void add_workspace_options(CLI::App& command, WorkspaceOptions& opts);

// Copy what the planner needs from the load options (features, target) after parsing.
void finish_workspace_options(WorkspaceOptions& opts);

// Register the options that say which system packages get installed: --hints, --distro,
// --add-apt and --add-apk (the last two also from CARGO_RECIPE_ADD_APT / CARGO_RECIPE_ADD_APK).
void add_hint_options(CLI::App& command, hints::HintOptions& opts);

}  // namespace recipe::cli
