#pragma once

#include <CLI/CLI.hpp>

namespace recipe::cli {

// `cargo-recipe audit generate`: prove the generator deterministic, and committed recipes current.
void add_audit_command(CLI::App& app);

}  // namespace recipe::cli
