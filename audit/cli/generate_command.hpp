#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace recipe::cli {

// `cargo-recipe generate`: write the recipe (a multi-stage Dockerfile) of a workspace.
// `argv` is the whole command line, recorded in the recipe's header for regeneration.
void add_generate_command(CLI::App& app, std::shared_ptr<const std::vector<std::string>> argv);

}  // namespace recipe::cli
