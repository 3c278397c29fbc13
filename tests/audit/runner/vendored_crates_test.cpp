#include "audit/runner/vendored_crates.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "audit/runner/build_context.hpp"
#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::runner {
namespace {

namespace fs = std::filesystem;

void add_crate(const fs::path& dir, const std::string& folder, const std::string& name, const std::string& version) {
  fs::create_directories(dir / folder / "src");
  std::ofstream(dir / folder / "Cargo.toml")
      << "[package]\nname = \"" << name << "\"\nversion = \"" << version << "\"\n";
  std::ofstream(dir / folder / "src" / "lib.rs") << "// " << name << " " << version << "\n";
}

TEST(VendoredCrates, AVendorFolderOutsideTheWorkspaceIsVendorInTheRecipe) {
  TempDir workspace("vendored-crates-ws");
  TempDir vendor("vendored-crates-vendor");
  add_crate(vendor.path(), "zstd-0.12.1", "zstd", "0.12.1+zstd.1.5.2");
  VendoredCrates crates(workspace.path(), vendor.path());
  EXPECT_EQ(crates.locate("vendor/zstd-0.12.1+zstd.1.5.2"), vendor.path() / "zstd-0.12.1");
  EXPECT_EQ(crates.locate("src/main.rs"), std::nullopt);
  EXPECT_EQ(crates.locate("vendor/zstd-0.12.1+zstd.1.5.2/Cargo.toml"), std::nullopt);
}

TEST(VendoredCrates, AVendorFolderInsideTheWorkspaceIsNamedByItsPath) {
  TempDir workspace("vendored-crates-ws");
  add_crate(workspace.path() / "third_party" / "crates", "serde", "serde", "1.0.152");
  VendoredCrates crates(workspace.path(), workspace.path() / "third_party" / "crates");
  EXPECT_EQ(crates.locate("third_party/crates/serde-1.0.152"), workspace.path() / "third_party" / "crates" / "serde");
  EXPECT_EQ(crates.locate("vendor/serde-1.0.152"), std::nullopt);
}

TEST(VendoredCrates, WithoutAVendorFolderTheWorkspacesVendorIsRead) {
  TempDir workspace("vendored-crates-ws");
  add_crate(workspace.path() / "vendor", "serde", "serde", "1.0.152");
  VendoredCrates crates(workspace.path(), std::nullopt);
  EXPECT_EQ(crates.locate("vendor/serde-1.0.152"), workspace.path() / "vendor" / "serde");
  // A path package's file directly in vendor/ is no crate folder.
  EXPECT_EQ(crates.locate("vendor/build.rs"), std::nullopt);
}

TEST(VendoredCrates, ACrateNoFolderHoldsIsAnInputError) {
  TempDir workspace("vendored-crates-ws");
  add_crate(workspace.path() / "vendor", "serde", "serde", "1.0.152");
  VendoredCrates crates(workspace.path(), std::nullopt);
  try {
    crates.locate("vendor/serde-1.0.153");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(
        std::string(e.what()).find("no folder of " + (workspace.path() / "vendor").string() + " holds serde-1.0.153"),
        std::string::npos)
        << e.what();
  }
}

TEST(VendoredCrates, TheStagedContextHoldsEachCrateUnderTheRecipesName) {
  TempDir workspace("vendored-crates-ws");
  TempDir staging("vendored-crates-staging");
  add_crate(workspace.path() / "vendor", "syn", "syn", "2.0.10");
  add_crate(workspace.path() / "vendor", "syn-1.0.109", "syn", "1.0.109");
  fs::create_directories(workspace.path() / "src");
  std::ofstream(workspace.path() / "src" / "main.rs") << "fn main() {}\n";
  stage_context({"vendor/syn-1.0.109", "vendor/syn-2.0.10", "src/main.rs"}, workspace.path(),
                workspace.path() / "vendor", staging.path());
  std::ifstream lib(staging.path() / "vendor" / "syn-2.0.10" / "src" / "lib.rs");
  std::string line;
  std::getline(lib, line);
  EXPECT_EQ(line, "// syn 2.0.10");
  EXPECT_TRUE(fs::exists(staging.path() / "vendor" / "syn-1.0.109" / "Cargo.toml"));
  EXPECT_TRUE(fs::exists(staging.path() / "src" / "main.rs"));
  EXPECT_FALSE(fs::exists(staging.path() / "vendor" / "syn"));
}

}  // namespace
}  // namespace recipe::runner
