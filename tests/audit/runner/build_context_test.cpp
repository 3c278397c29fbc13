#include "audit/runner/build_context.hpp"

#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::runner {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

// Every path below `dir`, relative, symlinks not followed.
std::set<std::string> tree(const fs::path& dir) {
  std::set<std::string> paths;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    paths.insert(fs::relative(it->path(), dir).generic_string());
  }
  return paths;
}

// A host folder beside a workspace with one package, and an empty staging folder.
class StageContext : public ::testing::Test {
 protected:
  void SetUp() override {
    write(m_host / "secret", "host file");
    write(m_workspace / "Cargo.toml", "[package]\nname = \"app\"\n");
    write(m_workspace / "src/main.rs", "fn main() {}\n");
    fs::create_directories(m_staging);
  }

  void expect_host_untouched() {
    EXPECT_EQ(tree(m_host), std::set<std::string>{"secret"});
    std::ifstream in(m_host / "secret");
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "host file");
  }

  TempDir m_dir{"stage-context-test"};
  fs::path m_host = m_dir.path() / "host";
  fs::path m_workspace = m_dir.path() / "ws";
  fs::path m_staging = m_dir.path() / "staging";
};

TEST_F(StageContext, AbsoluteSourceIsRefusedAndTheHostFolderStays) {
  EXPECT_THROW(stage_context({m_host.string()}, m_workspace, std::nullopt, m_staging), InputError);
  expect_host_untouched();
  EXPECT_TRUE(tree(m_staging).empty());
}

TEST_F(StageContext, DotDotSourceIsRefused) {
  EXPECT_THROW(stage_context({"../host"}, m_workspace, std::nullopt, m_staging), InputError);
  EXPECT_THROW(stage_context({"src/../../host/secret"}, m_workspace, std::nullopt, m_staging), InputError);
  expect_host_untouched();
  EXPECT_TRUE(tree(m_staging).empty());
}

TEST_F(StageContext, RecipeLineWithAnOutsideSourceIsRefusedWithItsLine) {
  try {
    context_sources("FROM scratch\nCOPY [\"src\", \"/a\"]\nCOPY /etc /x\n", "r.Dockerfile");
    FAIL() << "an absolute COPY source was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()).substr(0, 15), "r.Dockerfile:3:");
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
  }
  EXPECT_THROW(context_sources("COPY [\"../x\", \"/x\"]\n", "r"), InputError);
  EXPECT_EQ(context_sources("COPY [\"src\", \"/a\"]\nCOPY --from=s /b /b\n", "r"), std::vector<std::string>{"src"});
}

TEST_F(StageContext, SymlinkOutOfTheWorkspaceIsLeftOut) {
  fs::create_directory_symlink(m_host, m_workspace / "src/outside");
  fs::create_symlink(m_host / "secret", m_workspace / "src/secret.rs");
  stage_context({"src"}, m_workspace, std::nullopt, m_staging);
  EXPECT_EQ(tree(m_staging), (std::set<std::string>{"src", "src/main.rs"}));
  expect_host_untouched();
}

TEST_F(StageContext, SymlinkInsideIsCopiedAsASymlink) {
  fs::create_symlink("main.rs", m_workspace / "src/alias.rs");
  stage_context({"src"}, m_workspace, std::nullopt, m_staging);
  EXPECT_TRUE(fs::is_symlink(m_staging / "src/alias.rs"));
  EXPECT_EQ(fs::read_symlink(m_staging / "src/alias.rs"), "main.rs");
}

TEST_F(StageContext, SourceThroughASymlinkedFolderOutsideIsRefused) {
  fs::create_directory_symlink(m_host, m_workspace / "sub");
  EXPECT_THROW(stage_context({"sub/secret"}, m_workspace, std::nullopt, m_staging), InputError);
  EXPECT_THROW(stage_context({"sub"}, m_workspace, std::nullopt, m_staging), InputError);
  EXPECT_FALSE(fs::exists(m_staging / "sub/secret"));
  expect_host_untouched();
}

TEST_F(StageContext, HiddenEntriesAndBuildFoldersOfPackagesAreLeftOutAtEveryLevel) {
  write(m_workspace / "src/.env", "TOKEN=1");
  write(m_workspace / "src/deep/.git/config", "x");
  write(m_workspace / "src/deep/mod.rs", "");
  write(m_workspace / "src/target/mod.rs", "");  // a module folder named target stays
  write(m_workspace / "src/out/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55");
  write(m_workspace / "src/out/release/app", "binary");
  stage_context({"src"}, m_workspace, std::nullopt, m_staging);
  EXPECT_EQ(tree(m_staging), (std::set<std::string>{"src", "src/main.rs", "src/deep", "src/deep/mod.rs", "src/target",
                                                    "src/target/mod.rs"}));
}

TEST_F(StageContext, VendoredCratesAreCopiedAsPublished) {
  fs::path vendor = m_dir.path() / "registry";
  write(vendor / "foo-1.0.0/.cargo-checksum.json", "{}");
  write(vendor / "foo-1.0.0/Cargo.toml", "[package]\nname = \"foo\"\nversion = \"1.0.0\"\n");
  write(vendor / "foo-1.0.0/src/lib.rs", "");
  fs::create_directory_symlink(m_host, vendor / "foo-1.0.0/src/outside");
  stage_context({"vendor/foo-1.0.0"}, m_workspace, vendor, m_staging);
  EXPECT_EQ(
      tree(m_staging),
      (std::set<std::string>{"vendor", "vendor/foo-1.0.0", "vendor/foo-1.0.0/.cargo-checksum.json",
                             "vendor/foo-1.0.0/Cargo.toml", "vendor/foo-1.0.0/src", "vendor/foo-1.0.0/src/lib.rs"}));
}

TEST_F(StageContext, GlobSourcesAreRefusedBeforeTheEngineCouldExpandThem) {
  write(m_workspace / "src/[ab].rs", "");
  for (const char* source : {"src/*", "src/?ain.rs", "src/[ab].rs", "*"}) {
    try {
      context_sources("COPY [\"" + std::string(source) + "\", \"/x\"]\n", "r.Dockerfile");
      ADD_FAILURE() << source << " was accepted";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("holds a glob character"), std::string::npos) << e.what();
    }
    EXPECT_THROW(stage_context({source}, m_workspace, std::nullopt, m_staging), InputError) << source;
  }
  EXPECT_TRUE(tree(m_staging).empty());
}

TEST_F(StageContext, UpPathsClimbAtMostEightFolders) {
  std::string eight;
  for (int i = 0; i < 8; ++i) {
    eight += "@up/";
  }
  EXPECT_NO_THROW(check_context_path(eight + "quote/src", "r"));
  try {
    check_context_path("@up/" + eight + "quote/src", "r.Dockerfile:4");
    ADD_FAILURE() << "nine @up folders were accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "r.Dockerfile:4: build context path \"@up/" + eight +
                                         "quote/src\" climbs more than 8 folders above the workspace (a recipe "
                                         "copies only relative paths inside its build context)");
  }
  EXPECT_NO_THROW(check_context_path("src/@up/@up/@up/@up/@up/@up/@up/@up/@up", "r"));  // not leading: a name
}

TEST_F(StageContext, UpPathsMustLieInAPackageBesideTheWorkspace) {
  EXPECT_THROW(stage_context({"@up/host/secret"}, m_workspace, std::nullopt, m_staging), InputError);
  expect_host_untouched();
  write(m_dir.path() / "quote/Cargo.toml", "[package]\nname = \"quote\"\n");
  write(m_dir.path() / "quote/src/lib.rs", "");
  stage_context({"@up/quote/src"}, m_workspace, std::nullopt, m_staging);
  EXPECT_TRUE(fs::is_regular_file(m_staging / "@up/quote/src/lib.rs"));
}

}  // namespace
}  // namespace recipe::runner
