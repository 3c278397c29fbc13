#pragma once

#include <filesystem>
#include <string>

namespace recipe::cli {

// Where `build` keeps what it knows of earlier builds of one output: the engine's log, and the
// recipe and plan of the last build that succeeded (what `build --explain` compares with).
struct BuildState {
  std::filesystem::path folder;  // $XDG_STATE_HOME/cargo-recipe/builds/KEY (default ~/.local/state)
  std::filesystem::path previous_recipe() const { return folder / "previous.Dockerfile"; }
  std::filesystem::path previous_plan() const { return folder / "previous-plan.json"; }
};

// The state folder of building `recipe` into `output` (KEY: 16 hex of the SHA-256 of both absolute
// paths), created if missing. Throws Error when it cannot be created, naming XDG_STATE_HOME.
BuildState build_state(const std::filesystem::path& recipe, const std::filesystem::path& output);

}  // namespace recipe::cli
