#pragma once

#include <functional>
#include <string>
#include <vector>

#include "generator/install/acquired_crate.hpp"
#include "generator/pipeline/generate_request.hpp"
#include "generator/support/process.hpp"

namespace recipe::pipeline {

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

// A request planned: the inputs as loaded, the plan, and for an install the package it packages.
struct PlannedRequest {
  pipeline::LoadedInputs loaded;
  plan::Plan plan;
  install::AcquiredCrate crate;
  const model::Package* installed = nullptr;  // in `loaded.workspace`; null unless an install
};

// Load the inputs and plan them as `request` asks (for an install, acquire the crate first).
// Throws as generate_recipe does.
PlannedRequest plan_request(const GenerateRequest& request, ProcessRunner& processes, const GenerateHooks& hooks = {});

// Load the inputs, plan, and render the recipe: the generator's whole run. Throws InputError for
// bad input (one line, naming the file), Error when a subprocess or the disk fails.
GeneratedRecipe generate_recipe(const GenerateRequest& request, ProcessRunner& processes,
                                const GenerateHooks& hooks = {});

}  // namespace recipe::pipeline
