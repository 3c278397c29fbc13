#include "cli/build_state.hpp"

#include <cstdlib>

#include "generator/support/error.hpp"
#include "generator/support/hash.hpp"

namespace recipe::cli {

namespace fs = std::filesystem;

fs::path state_root(const char* xdg_state_home, const char* home) {
  if (xdg_state_home != nullptr && *xdg_state_home != '\0') {
    return xdg_state_home;
  }
  if (home != nullptr && *home != '\0') {
    return fs::path(home) / ".local" / "state";
  }
  // Not a shared folder such as /tmp: another user could plant the log or the kept plan there.
  throw InputError("neither XDG_STATE_HOME nor HOME is set: set one for build's state folder");
}

BuildState build_state(const fs::path& recipe, const fs::path& output, const std::string& target) {
  fs::path root = state_root(std::getenv("XDG_STATE_HOME"), std::getenv("HOME"));
  std::string key = sha256_hex(fs::absolute(recipe).lexically_normal().string() + "\n" +
                               fs::absolute(output).lexically_normal().string() + "\n" + target)
                        .substr(0, 16);
  BuildState state{root / "cargo-recipe" / "builds" / key};
  std::error_code ec;
  fs::create_directories(state.folder, ec);
  if (ec) {
    throw Error("cannot create the build state folder " + state.folder.string() + ": " + ec.message() +
                " (set XDG_STATE_HOME to a writable folder)");
  }
  return state;
}

}  // namespace recipe::cli
