#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "generator/plan/plan.hpp"
#include "generator/support/process.hpp"

namespace recipe::pipeline {

// Where the planner's inputs come from (the `plan` / `generate` command-line options).
struct LoadOptions {
  std::optional<std::string> manifest_path;   // --manifest-path
  std::optional<std::string> metadata_file;   // --metadata FILE or "-"
  std::optional<std::string> lockfile;        // --lockfile; default: Cargo.lock beside the root manifest
  std::optional<std::string> toolchain_file;  // --toolchain; default: the local rustc
  bool locked = false;
  bool offline = false;
  std::vector<std::string> features;
  bool all_features = false;
  bool no_default_features = false;
  std::vector<std::string> filter_platforms;
  std::vector<std::string> targets;  // --target TRIPLE, repeatable; none: the host
};

// The inputs of one plan, owning the workspace that PlanInputs points into.
struct LoadedInputs {
  std::unique_ptr<model::Workspace> workspace;
  plan::PlanInputs inputs;
  std::string metadata_origin;  // for messages
};

// Read metadata, lockfile, root manifest and toolchain. Runs `cargo metadata` through `runner`
// (in the manifest's folder, so that its .cargo/config.toml applies whatever the caller's working
// directory) unless a metadata file is given. `transform_metadata`, when set, rewrites the
// metadata text before parsing (the audit's perturbations). Throws InputError with a one-line
// message on any bad input.
LoadedInputs load_inputs(const LoadOptions& opts, ProcessRunner& runner,
                         const std::function<std::string(std::string)>& transform_metadata = {});

}  // namespace recipe::pipeline
