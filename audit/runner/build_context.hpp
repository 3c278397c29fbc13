#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recipe::runner {

// The paths a recipe copies from its build context (COPY without --from), in recipe order, but
// for the build-time helper, which stage_helper stages.
// Throws InputError naming the recipe line of a COPY it cannot read.
std::vector<std::string> context_sources(std::string_view recipe, const std::string& origin);

// Fill `staging` with exactly the context paths the recipe reads: crates ("vendor/NAME-VERSION")
// from the folder of `vendor` whose Cargo.toml says NAME and VERSION (VendoredCrates), every other
// path from `workspace` (with "@up/" read as "../", for path packages beside the workspace).
// Nothing else (target/, .git) reaches the engine. Throws InputError naming the first path not found.
void stage_context(const std::vector<std::string>& sources, const std::filesystem::path& workspace,
                   const std::optional<std::filesystem::path>& vendor, const std::filesystem::path& staging);

}  // namespace recipe::runner
