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

}  // namespace
}  // namespace recipe::pipeline
