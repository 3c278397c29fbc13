#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "generator/pipeline/generate.hpp"

namespace recipe::cli {

// `cargo-recipe generate`: write the recipe (a multi-stage Dockerfile) of a workspace.
// `argv` is the whole command line, recorded in the recipe's header for regeneration.
void add_generate_command(CLI::App& app, std::shared_ptr<const std::vector<std::string>> argv);

// `cargo-recipe install`: the recipe of a crate's binaries, in cargo install's vocabulary.
void add_install_command(CLI::App& app, std::shared_ptr<const std::vector<std::string>> argv);

// Read back the command a recipe's header records ("cargo-recipe", "generate" or "install", ...),
// exactly as that command would have understood it. Throws InputError naming `origin` when it does not parse.
pipeline::GenerateRequest parse_generate_command(const std::vector<std::string>& words, const std::string& origin);

}  // namespace recipe::cli
