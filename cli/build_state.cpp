#include "cli/build_state.hpp"

#include <cstdlib>

#include "generator/support/error.hpp"
#include "generator/support/hash.hpp"

namespace recipe::cli {

namespace fs = std::filesystem;

BuildState build_state(const fs::path& recipe, const fs::path& output) {
  const char* xdg = std::getenv("XDG_STATE_HOME");
  const char* home = std::getenv("HOME");
  fs::path root = xdg != nullptr && *xdg != '\\0' ? fs::path(xdg)
                  : home != nullptr && *home != '\\0' ? fs::path(home) / ".local" / "state"
                                                      : fs::temp_directory_path();
  std::string key = sha256_hex(fs::absolute(recipe).lexically_normal().string() + "\\n" +
                               fs::absolute(output).lexically_normal().string())
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
