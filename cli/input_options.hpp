#pragma once

#include <CLI/CLI.hpp>

#include "generator/hints/collect.hpp"
#include "generator/pipeline/load_inputs.hpp"
#include "generator/plan/plan.hpp"

// The options of every command that plans, in cargo's vocabulary and each defined once here, so
// that `cargo recipe plan -p foo --features bar` reads like `cargo build` and an option means the
// same in plan, generate, install and hints (docs/cli.md lists them).
namespace recipe::cli {

// What a workspace command is asked: where the inputs come from and what to plan.
struct WorkspaceOptions {
  pipeline::LoadOptions load;
  plan::PlanOptions plan;
  std::string resolver;
};

// --manifest-path, --metadata, --lockfile, --filter-platform: where a workspace's inputs come from.
void add_manifest_options(CLI::App& command, pipeline::LoadOptions& load);

// --locked and --offline, as cargo means them: Cargo.lock must be used as it is, and nothing is
// fetched. For install, --locked is cargo install's: the crate's own Cargo.lock.
void add_lock_options(CLI::App& command, pipeline::LoadOptions& load);

// -F/--features, --all-features, --no-default-features.
void add_feature_options(CLI::App& command, pipeline::LoadOptions& load);

// --bin and --bins, and for a workspace (`workspace` true) -p/--package and --workspace.
void add_target_selection_options(CLI::App& command, plan::PlanOptions& plan, bool workspace);

// --target, --profile and --toolchain: what the units are compiled for, how, and by which rustc.
void add_compile_options(CLI::App& command, pipeline::LoadOptions& load, plan::PlanOptions& plan);

// Every option of a workspace command: all of the above, and --resolver.
void add_workspace_options(CLI::App& command, WorkspaceOptions& opts);

// Copy what the planner needs from the load options (features, target, resolver) after parsing.
void finish_workspace_options(WorkspaceOptions& opts);

// Register the options that say which system packages get installed: --hints, --distro,
// --add-apt and --add-apk (the last two also from CARGO_RECIPE_ADD_APT / CARGO_RECIPE_ADD_APK).
void add_hint_options(CLI::App& command, hints::HintOptions& opts);

}  // namespace recipe::cli
