#pragma once

#include <functional>
#include <string>
#include <vector>

#include "generator/pipeline/load_inputs.hpp"
#include "generator/emit/recipe_inputs.hpp"
#include "generator/hints/collect.hpp"
#include "generator/install/install_request.hpp"
#include "generator/plan/plan.hpp"
#include "generator/support/process.hpp"

namespace recipe::pipeline {

// Everything `cargo-recipe generate` (or `install`) is asked: the inputs, the plan options and the
// recipe options. The recipe's header records it (pipeline/recipe_header.hpp).
struct GenerateRequest {
  pipeline::LoadOptions load;
  plan::PlanOptions plan;
  std::string base_image = emit::k_default_base_image;
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

struct GeneratedRecipe {
  std::string text;
  std::string default_output;  // recipes/NAME@VERSION.Dockerfile
  size_t units = 0;
};

// Where the audit perturbs a generation; empty in normal use.
struct GenerateHooks {
  // Applied to the cargo metadata text before it is parsed (the audit shuffles it).
  std::function<std::string(std::string)> transform_metadata;
};

// Load the inputs, plan, and render the recipe: the generator's whole run. Throws InputError for
// bad input (one line, naming the file), Error when a subprocess or the disk fails.
GeneratedRecipe generate_recipe(const GenerateRequest& request, ProcessRunner& processes,
                                const GenerateHooks& hooks = {});

}  // namespace recipe::pipeline
