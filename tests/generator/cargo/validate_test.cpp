#include "generator/cargo/validate.hpp"

#include <gtest/gtest.h>

#include "generator/support/error.hpp"

namespace recipe::cargo {
namespace {

TEST(Validate, NamesAreWhatCratesIoAllows) {
  for (const char* good : {"serde", "serde_json", "build-script-build", "x2"}) {
    EXPECT_EQ(name_problem(good), "") << good;
  }
  for (const char* bad : {"", "x\nRUN touch /pwned", "x,source=/,target=/tmp/h", "a b", "a/b", "caf\xc3\xa9"}) {
    EXPECT_NE(name_problem(bad), "") << bad;
  }
  EXPECT_NE(name_problem(std::string("te\0st", 5)), "");
}

TEST(Validate, FeaturesVersionsChecksumsAndPaths) {
  EXPECT_EQ(feature_problem("serde-1.0+std.x"), "");
  EXPECT_NE(feature_problem("-x"), "");
  EXPECT_NE(feature_problem("dep:x"), "");
  EXPECT_EQ(version_problem("1.2.3-alpha.1+build.5"), "");
  for (const char* bad : {"1.2", "01.2.3", "1.2.3\nRUN x", "1.2.3 ", "1.2.3-"}) {
    EXPECT_NE(version_problem(bad), "") << bad;
  }
  EXPECT_EQ(checksum_problem(std::string(64, 'a')), "");
  EXPECT_NE(checksum_problem(std::string(64, 'A')), "");
  EXPECT_NE(checksum_problem(std::string(63, 'a')), "");
  EXPECT_NE(checksum_problem("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  /dev/null\n#"), "");
  EXPECT_EQ(relative_path_problem("src/main.rs"), "");
  EXPECT_NE(relative_path_problem("../../etc/passwd"), "");
  EXPECT_NE(relative_path_problem("/etc/passwd"), "");
  EXPECT_NE(relative_path_problem("src/../../x"), "");
  EXPECT_EQ(relative_path_problem("../quote", true), "");
  EXPECT_NE(relative_path_problem("../quote/../../x", true) + relative_path_problem("a/../b", true), "");
}

TEST(Validate, LockfileChecksumsAreLocatedAndOneLine) {
  Lockfile lock;
  lock.origin = "Cargo.lock";
  lock.packages.emplace(std::pair{"a", "1.0.0"}, LockedPackage{"a", "1.0.0", "registry+x", std::string(64, 'f'), 3});
  lock.packages.emplace(std::pair{"c", "1.0.0"},
                        LockedPackage{"c", "1.0.0", "registry+x", "Could not get crate checksum", 6});
  EXPECT_NO_THROW(validate_lockfile(lock));
  lock.packages.emplace(std::pair{"b", "1.0.0"}, LockedPackage{"b", "1.0.0", "registry+x", "00  /dev/null\n#", 9});
  try {
    validate_lockfile(lock);
    FAIL() << "a bad checksum was accepted";
  } catch (const InputError& e) {
    std::string message = e.what();
    EXPECT_TRUE(message.starts_with("Cargo.lock:9: checksum of \"b\"")) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

TEST(Validate, WorkspaceProblemsAreCountedInOneLine) {
  model::Workspace ws;
  model::Package pkg;
  pkg.name = "app\nRUN x";
  pkg.version = "0.1.0";
  pkg.manifest_dir = "/ws";
  pkg.targets.push_back(model::Target{.name = "app,source=/", .src_path = "src/main.rs"});
  ws.packages.push_back(pkg);
  try {
    validate_workspace(ws);
    FAIL() << "bad names were accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "/ws/Cargo.toml: package name \"app\\nRUN x\" may hold only ASCII letters, "
              "digits, '-' and '_' (and 1 more)");
  }
}

}  // namespace
}  // namespace recipe::cargo
