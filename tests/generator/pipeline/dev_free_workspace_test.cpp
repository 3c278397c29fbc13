// The stand-in workspace cargo install's resolution is read from: manifests without
// dev-dependencies, everything else the workspace's own, the user's folder never written.
#include "generator/pipeline/dev_free_workspace.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "generator/support/atomic_file.hpp"
#include "generator/support/scoped_fs.hpp"
#include "tests/support/write_file.hpp"

namespace recipe::pipeline {
namespace {

namespace fs = std::filesystem;
using testing::write_file;

const char* k_member =
    "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nlib = { path = \"../../../beside/lib\" }\n\n"
    "[dev-dependencies]\nnowhere = \"9\"\n";

struct Layout {
  TempDir dir{"dev-free-test"};
  fs::path root = dir.path() / "ws";
  Layout() {
    write_file(root / "Cargo.toml", "[workspace]\nmembers = [\"crates/app\"]\n");
    write_file(root / "Cargo.lock", "version = 3\n");
    write_file(root / "crates/app/Cargo.toml", k_member);
    write_file(root / "crates/app/src/main.rs", "fn main() {}\n");
    write_file(root / "target/release/junk", "x");
    write_file(dir.path() / "beside/lib/Cargo.toml", "[package]\nname = \"lib\"\nversion = \"1.0.0\"\n");
  }
};

TEST(DevFreeWorkspace, MembersLoseDevDependenciesAndTheRestIsTheWorkspaces) {
  Layout w;
  DevFreeWorkspace stand_in(w.root / "crates/app/Cargo.toml", w.root, false);
  const fs::path manifest = stand_in.manifest_path();
  EXPECT_NE(manifest, w.root / "crates/app/Cargo.toml");
  std::string text = read_file(manifest);
  EXPECT_EQ(text.find("nowhere"), std::string::npos) << text;
  EXPECT_NE(text.find("../../../beside/lib"), std::string::npos) << text;
  // Sources are the workspace's own files; a path dependency beside the workspace resolves.
  EXPECT_TRUE(fs::is_symlink(manifest.parent_path() / "src"));
  EXPECT_EQ(read_file(manifest.parent_path() / "src/main.rs"), "fn main() {}\n");
  EXPECT_TRUE(fs::exists(manifest.parent_path() / "../../../beside/lib/Cargo.toml"));
  // No build output, no lock without --locked; the workspace's manifest is untouched.
  EXPECT_FALSE(fs::exists(fs::path(stand_in.lockfile())));
  EXPECT_FALSE(fs::exists(manifest.parent_path() / "../../target"));
  EXPECT_EQ(read_file(w.root / "crates/app/Cargo.toml"), k_member);
}

TEST(DevFreeWorkspace, LockedKeepsACopyOfTheLock) {
  Layout w;
  DevFreeWorkspace stand_in(w.root / "crates/app/Cargo.toml", w.root, true);
  EXPECT_EQ(read_file(stand_in.lockfile()), "version = 3\n");
  EXPECT_FALSE(fs::is_symlink(stand_in.lockfile()));
}

TEST(DevFreeWorkspace, MetadataNamesTheWorkspacesFiles) {
  Layout w;
  DevFreeWorkspace stand_in(w.root / "crates/app/Cargo.toml", w.root, false);
  const std::string canonical_manifest = fs::canonical(w.root / "crates/app/Cargo.toml").string();
  std::string metadata = "{\"manifest_path\":\"" + stand_in.manifest_path() + "\",\"id\":\"path+file://" +
                         fs::path(stand_in.manifest_path()).parent_path().string() + "#0.1.0\"}";
  EXPECT_EQ(stand_in.real_metadata(metadata), "{\"manifest_path\":\"" + canonical_manifest +
                                                  "\",\"id\":\"path+file://" +
                                                  fs::path(canonical_manifest).parent_path().string() + "#0.1.0\"}");
}

TEST(DevFreeWorkspace, StandInGoesAwayWithIt) {
  Layout w;
  fs::path manifest;
  {
    DevFreeWorkspace stand_in(w.root / "crates/app/Cargo.toml", w.root, false);
    manifest = stand_in.manifest_path();
  }
  EXPECT_FALSE(fs::exists(manifest));
  EXPECT_TRUE(fs::exists(w.dir.path() / "beside/lib/Cargo.toml"));
  EXPECT_TRUE(fs::exists(w.root / "crates/app/src/main.rs"));
}

}  // namespace
}  // namespace recipe::pipeline
