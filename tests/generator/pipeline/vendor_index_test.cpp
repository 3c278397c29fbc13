#include "generator/pipeline/vendor_index.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::pipeline {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

// A crate folder `folder` of `dir` whose manifest says `name` `version`.
void add_crate(const fs::path& dir, const std::string& folder, const std::string& name, const std::string& version) {
  write(dir / folder / "Cargo.toml", "[package]\nname = \"" + name + "\"\nversion = \"" + version + "\"\n");
}

std::string folder_of(const VendorIndex& index, const std::string& name_version) {
  const VendoredCrate* crate = index.find(name_version);
  return crate == nullptr ? "(none)" : crate->folder.filename().string();
}

TEST(VendorIndex, FindsDebianFoldersWhoseNamesDropBuildMetadata) {
  TempDir dir("vendor-index-test");
  add_crate(dir.path(), "zstd-sys-2.0.1", "zstd-sys", "2.0.1+zstd.1.5.2");
  add_crate(dir.path(), "libgit2-sys-0.14.1", "libgit2-sys", "0.14.1+1.5.0");
  write(dir.path() / "zstd-sys-2.0.1" / ".cargo-checksum.json",
        R"({"package":"Could not get crate checksum","files":{}})");
  VendorIndex index = read_vendor_index(dir.path());
  EXPECT_EQ(folder_of(index, "zstd-sys-2.0.1+zstd.1.5.2"), "zstd-sys-2.0.1");
  EXPECT_EQ(folder_of(index, "libgit2-sys-0.14.1+1.5.0"), "libgit2-sys-0.14.1");
  EXPECT_EQ(index.find("zstd-sys-2.0.1"), nullptr);
  EXPECT_EQ(index.find("zstd-sys-2.0.1+zstd.1.5.2")->checksum, "");
}

TEST(VendorIndex, FindsPlainCargoVendorFoldersAndItsVersionedDuplicates) {
  TempDir dir("vendor-index-test");
  add_crate(dir.path(), "syn", "syn", "2.0.10");
  add_crate(dir.path(), "syn-1.0.109", "syn", "1.0.109");
  add_crate(dir.path(), "md-5", "md-5", "0.10.5");
  write(dir.path() / "syn" / ".cargo-checksum.json",
        R"({"files":{},"package":"5aaa0bd5ee53b1c0f2c9e3d1afa3d3c81e83aa9b1bd7bc0e0e59a0a3d9f2d1b0"})");
  VendorIndex index = read_vendor_index(dir.path());
  EXPECT_EQ(folder_of(index, "syn-2.0.10"), "syn");
  EXPECT_EQ(folder_of(index, "syn-1.0.109"), "syn-1.0.109");
  EXPECT_EQ(folder_of(index, "md-5-0.10.5"), "md-5");
  EXPECT_EQ(index.find("syn-2.0.10")->checksum, "5aaa0bd5ee53b1c0f2c9e3d1afa3d3c81e83aa9b1bd7bc0e0e59a0a3d9f2d1b0");
  ASSERT_EQ(index.versions_of("syn").size(), 2u);
  EXPECT_EQ(index.versions_of("syn")[0]->version, "1.0.109");
}

TEST(VendorIndex, SkipsHiddenEntriesFoldersWithoutManifestAndFiles) {
  TempDir dir("vendor-index-test");
  add_crate(dir.path(), ".git", "hidden", "1.0.0");
  add_crate(dir.path(), "serde-1.0.152", "serde", "1.0.152");
  fs::create_directories(dir.path() / "left-behind-0.1.0" / "src");
  write(dir.path() / "README.md", "vendored crates\n");
  VendorIndex index = read_vendor_index(dir.path());
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(folder_of(index, "serde-1.0.152"), "serde-1.0.152");
}

TEST(VendorIndex, ReadsTheLegacyProjectTable) {
  EXPECT_EQ(package_identity("[project]\nname = \"old\"\nversion = \"0.1.0\"\n", "Cargo.toml"),
            (std::pair<std::string, std::string>{"old", "0.1.0"}));
}

TEST(VendorIndex, TwoFoldersHoldingOneCrateAreAnInputErrorNamingBoth) {
  TempDir dir("vendor-index-test");
  add_crate(dir.path(), "serde", "serde", "1.0.152");
  add_crate(dir.path(), "serde-1.0.152", "serde", "1.0.152");
  try {
    read_vendor_index(dir.path());
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              (dir.path() / "serde").string() + " and " + (dir.path() / "serde-1.0.152").string() +
                  " both hold serde 1.0.152 (a vendor folder holds each crate version once: remove one)");
  }
}

TEST(VendorIndex, AManifestWithoutVersionIsAnInputErrorWithItsPlace) {
  try {
    package_identity("[package]\nname = \"x\"\nversion.workspace = true\n", "vendor/x/Cargo.toml");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with("vendor/x/Cargo.toml:3:")) << e.what();
  }
}

TEST(VendorIndex, SymbolicLinksLeavingTheFolderAreNotFollowed) {
  TempDir outside("vendor-index-outside");
  TempDir dir("vendor-index-test");
  add_crate(outside.path(), "evil-1.0.0", "evil", "1.0.0");
  add_crate(dir.path(), "real-1.0.0", "real", "1.0.0");
  fs::create_directory_symlink(outside.path() / "evil-1.0.0", dir.path() / "evil-1.0.0");
  fs::create_directory_symlink(dir.path() / "real-1.0.0", dir.path() / "alias");
  EXPECT_THROW(
      VendorIndex({{.name = "a", .version = "1.0.0", .folder = "x"}, {.name = "a", .version = "1.0.0", .folder = "y"}}),
      InputError);
  try {
    read_vendor_index(dir.path());
    FAIL() << "the link inside the folder makes a second copy of real";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("both hold real 1.0.0"), std::string::npos) << e.what();
  }
  fs::remove(dir.path() / "alias");
  VendorIndex index = read_vendor_index(dir.path());
  EXPECT_EQ(index.find("evil-1.0.0"), nullptr);
  EXPECT_EQ(folder_of(index, "real-1.0.0"), "real-1.0.0");
}

TEST(VendorIndex, AMissingFolderSaysHowToFillIt) {
  EXPECT_THROW(read_vendor_index("/nonexistent/vendor"), InputError);
}

}  // namespace
}  // namespace recipe::pipeline
