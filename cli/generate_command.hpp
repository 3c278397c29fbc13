#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "generator/pipeline/generate.hpp"

namespace recipe::cli {

// `cargo-recipe generate`: write the recipe (a multi-stage Dockerfile) of a workspace.
// The recipe's header records the request (pipeline/recipe_header.hpp).
void add_generate_command(CLI::App& app);

// `cargo-recipe install`: the recipe of a crate's binaries, in cargo install's vocabulary.
void add_install_command(CLI::App& app);

}  // namespace recipe::cli
