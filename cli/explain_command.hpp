#pragma once

#include <CLI/CLI.hpp>

namespace recipe::cli {

// `cargo-recipe explain OLD [NEW]`: why unit ids changed between two plans, or between a plan and
// the workspace as it is now.
void add_explain_command(CLI::App& app);

}  // namespace recipe::cli
