#pragma once

#include <CLI/CLI.hpp>

namespace recipe::cli {

// `cargo-recipe build RECIPE`: build a recipe's binaries with BuildKit and write them to a folder.
void add_build_command(CLI::App& app);

}  // namespace recipe::cli
