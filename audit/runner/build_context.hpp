#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recipe::runner {

// The paths a recipe copies from its build context (COPY without --from), in recipe order, but
// for the build-time helper, which stage_helper stages.
// Throws InputError naming the recipe line of a COPY it cannot read or whose source is not a
// relative, normalised path (check_context_path).
std::vector<std::string> context_sources(std::string_view recipe, const std::string& origin);

// Throw InputError, located at `where`, unless `source` is a relative, normalised path without
// "..", NUL, newline or glob character, climbing at most 8 "@up" folders (context_path_problem):
// the only kind the stager accepts.
void check_context_path(const std::string& source, const std::string& where);

// Fill `staging` with exactly the context paths the recipe reads: crates ("vendor/NAME-VERSION")
// from the folder of `vendor` whose Cargo.toml says NAME and VERSION (VendoredCrates), every other
// path from `workspace` (with "@up/" read as "../", for path packages beside the workspace: such a
// path must lie in a folder holding a Cargo.toml). Nothing is read outside the
// folder a path belongs to (copy_confined: symlinks pointing out are left out with a warning, a
// source resolving outside is refused), nothing is written outside `staging`, and nothing is
// removed. Of workspace packages, hidden entries and cargo's build folders are left out at every
// level. Throws InputError naming the first path that is not acceptable or found in neither place.
void stage_context(const std::vector<std::string>& sources, const std::filesystem::path& workspace,
                   const std::optional<std::filesystem::path>& vendor, const std::filesystem::path& staging);

}  // namespace recipe::runner
