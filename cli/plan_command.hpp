#pragma once

#include <CLI/CLI.hpp>

namespace recipe::cli {

// `cargo-recipe plan`: print every unit cargo would build, with its rustc line.
void add_plan_command(CLI::App& app);

}  // namespace recipe::cli
