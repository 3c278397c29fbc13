#pragma once

#include <CLI/CLI.hpp>

namespace recipe::cli {

// `cargo-recipe audit snapshot TAR`: what the build audit sees of one exported output, entry by
// entry, hashed as it streams (sha256sum's format for files, so it can be checked by hand).
void add_audit_snapshot_command(CLI::App& audit);

}  // namespace recipe::cli
