#pragma once

#include <CLI/CLI.hpp>

// The subcommands of `cargo-recipe audit`, each in its own file.
namespace recipe::cli {

// `audit generate`: regenerate recipes under perturbations, or --check them (the drift gate).
void add_audit_generate_command(CLI::App& audit);
// `audit build`: rebuild recipes, compare every unit's outputs, find the first divergent stage.
void add_audit_build_command(CLI::App& audit);
// `audit compare` (build reports of other machines or days) and `audit summary` (a night's
// reports as one, against a baseline).
void add_audit_report_commands(CLI::App& audit);
// `audit snapshot TAR`: what the build audit sees of one exported output.
void add_audit_snapshot_command(CLI::App& audit);

}  // namespace recipe::cli
