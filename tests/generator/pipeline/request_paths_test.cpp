#include "generator/pipeline/request_paths.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::pipeline {
namespace {

namespace fs = std::filesystem;

// A repository with a workspace, and a host folder beside it holding a manifest of its own.
class RequestPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(m_repo / "ws");
    fs::create_directories(m_host);
    std::ofstream(m_repo / "ws/Cargo.toml") << "[package]\n";
    std::ofstream(m_host / "Cargo.toml") << "[package]\n";
  }

  std::string refusal(const std::string& manifest_path) {
    GenerateRequest request;
    request.load.manifest_path = manifest_path;
    try {
      check_request_paths(request, m_repo, "recipes/a.Dockerfile");
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }

  TempDir m_dir{"request-paths-test"};
  fs::path m_repo = m_dir.path() / "repo";
  fs::path m_host = m_dir.path() / "host";
};

TEST_F(RequestPaths, AManifestInsideTheRepositoryIsAccepted) {
  EXPECT_EQ(refusal("ws/Cargo.toml"), "");
  EXPECT_EQ(refusal("Cargo.toml"), "");  // need not exist yet: generate says so itself
  EXPECT_EQ(confined_header_path(m_repo, "ws/./Cargo.toml", "manifest_path", "r"), m_repo / "ws/Cargo.toml");
}

TEST_F(RequestPaths, AbsoluteAndDotDotManifestsAreRefusedWithTheField) {
  EXPECT_EQ(refusal((m_host / "Cargo.toml").string()),
            "recipes/a.Dockerfile: header field \"manifest_path\": \"" + (m_host / "Cargo.toml").string() +
                "\" is absolute (a recipe names only paths inside its repository, the folder holding its recipes/)");
  EXPECT_NE(refusal("../host/Cargo.toml").find("\"../host/Cargo.toml\" leaves its folder"), std::string::npos);
  EXPECT_NE(refusal("ws/../../host/Cargo.toml").find("leaves its folder"), std::string::npos);
  EXPECT_NE(refusal("ws/Cargo.toml\n# x").find("\"ws/Cargo.toml\\n# x\" holds a control character"), std::string::npos);
}

TEST_F(RequestPaths, AManifestThroughASymlinkOutOfTheRepositoryIsRefused) {
  fs::create_directory_symlink(m_host, m_repo / "vendor-link");
  std::string message = refusal("vendor-link/Cargo.toml");
  EXPECT_NE(message.find("resolves outside " + fs::canonical(m_repo).string()), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos);
}

TEST_F(RequestPaths, TheInstallPathIsConfinedToo) {
  GenerateRequest request;
  request.install.emplace();
  request.install->path = "../host";
  EXPECT_THROW(check_request_paths(request, m_repo, "r"), InputError);
  request.install->path = "ws";
  EXPECT_NO_THROW(check_request_paths(request, m_repo, "r"));
}

// A request planned again by build --explain: its paths are checked before anything runs, and
// cargo metadata is kept off the network and off the lockfile, whatever the header says.
TEST_F(RequestPaths, AReplanRequestIsCheckedAndOfflineAndLocked) {
  struct Case {
    std::string header;  // the request line's JSON
    bool refused;
  };
  const Case cases[] = {
      {R"({"command":"generate","manifest_path":"ws/Cargo.toml"})", false},
      {R"({"command":"generate","manifest_path":"ws/Cargo.toml","offline":true,"locked":true})", false},
      {R"({"command":"generate","manifest_path":"../host/Cargo.toml"})", true},
      {R"({"command":"generate","manifest_path":")" + (m_host / "Cargo.toml").string() + R"("})", true},
  };
  for (const auto& c : cases) {
    std::string recipe = "# cargo-recipe-request/1: " + c.header + "\nFROM scratch AS binaries\n";
    if (c.refused) {
      EXPECT_THROW(replan_request(recipe, m_repo, "r"), InputError) << c.header;
      continue;
    }
    GenerateRequest request = replan_request(recipe, m_repo, "r");
    EXPECT_TRUE(request.load.offline) << c.header;
    EXPECT_TRUE(request.load.locked) << c.header;
    EXPECT_EQ(request.load.manifest_path, "ws/Cargo.toml") << c.header;
  }
}

}  // namespace
}  // namespace recipe::pipeline
