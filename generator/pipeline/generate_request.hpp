#pragma once

#include <optional>
#include <string>

#include "generator/emit/recipe_inputs.hpp"
#include "generator/hints/collect.hpp"
#include "generator/install/install_request.hpp"
#include "generator/pipeline/load_inputs.hpp"
#include "generator/plan/plan.hpp"

namespace recipe::pipeline {

// Everything `cargo-recipe generate` (or `install`) is asked: the inputs, the plan options and the
// recipe options. The recipe's header records it (pipeline/recipe_header.hpp).
struct GenerateRequest {
  pipeline::LoadOptions load;
  plan::PlanOptions plan;
  std::string base_image = emit::k_default_base_image;
  std::string runtime_base = emit::k_default_runtime_base;
  std::string dialect = "portable";
  std::string sources = "registry";  // "registry" or "vendor=DIR"
  std::string source_date_epoch = "0";
  hints::HintOptions hints;
  // `cargo-recipe install`: the crate whose binaries the recipe packages, instead of a workspace.
  std::optional<install::InstallRequest> install;
};

// Derive what the options imply once they are all read, from the command line or a recipe header:
// the plan's features and target are the load options'; an install from --path plans that folder.
void finish_request(GenerateRequest& request);

}  // namespace recipe::pipeline
