#pragma once

#include <CLI/CLI.hpp>

namespace recipe::cli {

// `cargo-recipe hints [CRATE[@VERSION]...]`: which system packages would be installed for which
// crates, and which source decided.
void add_hints_command(CLI::App& app);

}  // namespace recipe::cli
