#include "cli/build_state.hpp"

#include <cstdlib>

#include <gtest/gtest.h>

#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::cli {
namespace {

namespace fs = std::filesystem;

TEST(BuildState, AnEmptyVariableCountsAsUnset) {
  struct Case {
    const char* xdg;
    const char* home;
    fs::path root;
  };
  const Case cases[] = {
      {"/s", "/h", "/s"},
      {"", "/h", "/h/.local/state"},
      {nullptr, "/h", "/h/.local/state"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(state_root(c.xdg, c.home), c.root) << (c.xdg ? c.xdg : "(unset)") << " " << (c.home ? c.home : "(unset)");
  }
  // Never a folder other users share, such as /tmp.
  EXPECT_THROW(state_root("", ""), InputError);
  EXPECT_THROW(state_root(nullptr, nullptr), InputError);
}

TEST(BuildState, EachTargetOfAnOutputHasItsOwnFolder) {
  TempDir dir("build-state-test");
  const char* was = std::getenv("XDG_STATE_HOME");
  std::string before = was != nullptr ? was : "";
  ::setenv("XDG_STATE_HOME", dir.path().c_str(), 1);
  fs::path binaries = build_state("r.Dockerfile", "bin", "binaries").folder;
  fs::path runtime = build_state("r.Dockerfile", "bin", "runtime").folder;
  fs::path other_output = build_state("r.Dockerfile", "bin2", "binaries").folder;
  fs::path same = build_state("./r.Dockerfile", "bin/../bin", "binaries").folder;
  if (was != nullptr) {
    ::setenv("XDG_STATE_HOME", before.c_str(), 1);
  } else {
    ::unsetenv("XDG_STATE_HOME");
  }
  EXPECT_EQ(binaries.parent_path(), dir.path() / "cargo-recipe" / "builds");
  EXPECT_TRUE(fs::is_directory(binaries));
  EXPECT_NE(binaries, runtime);
  EXPECT_NE(binaries, other_output);
  EXPECT_EQ(binaries, same);
}

}  // namespace
}  // namespace recipe::cli
