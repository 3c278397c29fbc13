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

// Where state is kept: `xdg_state_home`, else `home`/.local/state (a variable that is empty
// counts as unset). Throws InputError when neither is set: never a folder other users share. Pure.
std::filesystem::path state_root(const char* xdg_state_home, const char* home);

// The state folder of building stage `target` of `recipe` into `output` (KEY: 16 hex of the
// SHA-256 of both absolute paths and the target: runtime and binaries keep apart), under
// state_root($XDG_STATE_HOME, $HOME), created if missing. Throws Error when it cannot be created,
// naming XDG_STATE_HOME.
BuildState build_state(const std::filesystem::path& recipe, const std::filesystem::path& output,
                       const std::string& target);

}  // namespace recipe::cli
