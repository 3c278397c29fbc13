#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "audit/runner/build_status.hpp"
#include "generator/support/process.hpp"

namespace recipe::cli {

// The plan `recipe` (text `text`) stands for now: its header's request planned from the folder the
// command was recorded in, with its path packages' source digests, as `plan --format json` writes
// it. None, with the reason logged, when it cannot be planned here (an install of a crate from a
// registry or git is not fetched again for this).
std::optional<std::string> recipe_plan_json(const std::filesystem::path& recipe, std::string_view text,
                                            ProcessRunner& processes);

// What `build --explain` prints after a build: for each unit `status` saw built, why, against the
// plan `previous` (of the last successful build; none: it says there is nothing to compare with).
std::string explain_build(const runner::BuildStatus& status, const std::optional<std::string>& previous,
                          const std::optional<std::string>& now);

}  // namespace recipe::cli
