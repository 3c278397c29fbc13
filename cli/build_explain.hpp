#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "audit/runner/build_status.hpp"
#include "generator/support/process.hpp"

namespace recipe::cli {

// The plan `recipe` (text `text`) stands for now: its header's request (pipeline::replan_request:
// paths checked, cargo metadata --offline --locked) planned from the folder the command was
// recorded in, with its path packages' source digests, as `plan --format json` writes it. Runs
// cargo and rustc on this machine: only for build --explain. None, with the reason logged, when it
// cannot be planned here (a path outside the repository, an install of a crate from a registry or
// git, which is not fetched again for this).
std::optional<std::string> recipe_plan_json(const std::filesystem::path& recipe, std::string_view text,
                                            ProcessRunner& processes);

// What `build --explain` prints after a build: for each unit `status` saw built, why, against the
// plan `previous` (of the last successful build; none: it says there is nothing to compare with,
// and, when `built_before`, that the previous build ran without --explain and kept no plan).
std::string explain_build(const runner::BuildStatus& status, const std::optional<std::string>& previous,
                          const std::optional<std::string>& now, bool built_before);

}  // namespace recipe::cli
