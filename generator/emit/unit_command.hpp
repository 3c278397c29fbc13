#pragma once

#include <string>
#include <vector>

#include "generator/emit/recipe_inputs.hpp"
#include "generator/plan/plan.hpp"

namespace recipe::emit {

// A read-only view of another stage's directory inside a RUN.
struct Mount {
  std::string from;       // stage name
  std::string source;     // path in that stage
  std::string target;     // path in the RUN
  bool writable = false;  // writes are allowed and thrown away (build scripts that touch sources)

  std::string render() const;
};

// What one unit's stage runs: its mounts (sorted by target) and its exec-form words.
struct UnitCommand {
  std::vector<Mount> mounts;
  std::vector<std::string> words;
};

// Where the recipe helper lives in the base stage (generator/emit/recipe-helper.sh).
inline constexpr const char* k_helper_path = "/recipe/bin/recipe-helper";

// The environment every step starts from (`env -i`): nothing of the machine or the engine
// leaks in; the clock is SOURCE_DATE_EPOCH.
std::vector<std::string> base_environment(const std::string& source_date_epoch);

// The command of `units[index]`: compile through the helper, or run a build script through it.
UnitCommand unit_command(const std::vector<plan::Unit>& units, size_t index, const RecipeInputs& inputs);

}  // namespace recipe::emit
