// The snapshot of an exported tar: every entry described and hashed, in any tar dialect GNU tar
// writes, the same on any number of threads; a damaged tar is refused with its offset.
#include "audit/snapshot/snapshot.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "audit/snapshot/content_digest.hpp"
#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::snapshot {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

const std::string k_long_name =
    "recipe/units/0123456789abcdef/" + std::string(60, 'd') + "/" + std::string(80, 'n') + ".rlib";

// A tree with a long name, a symlink, a hard link, modes and fixed mtimes, as `format` tars it.
std::string make_tar(const fs::path& dir, const std::string& format) {
  fs::path root = dir / "tree";
  // Over 100 bytes in all (GNU long name, pax path, ustar prefix), no part over 100.
  std::string long_name = k_long_name;
  write(root / "recipe/units/0123456789abcdef/lib.rlib", "rlib bytes");
  write(root / long_name, std::string(300000, 'x'));
  write(root / "recipe/units/fedcba9876543210/empty", "");
  fs::create_directories(root / "recipe/units/aaaaaaaaaaaaaaaa");
  fs::create_symlink("lib.rlib", root / "recipe/units/0123456789abcdef/link");
  fs::create_hard_link(root / "recipe/units/0123456789abcdef/lib.rlib", root / "recipe/units/0123456789abcdef/z-hard");
  fs::permissions(root / "recipe/units/0123456789abcdef/lib.rlib", fs::perms(0750));
  std::string tar = (dir / (format + ".tar")).string();
  std::string command = "cd '" + root.string() + "' && tar --format=" + format +
                        " --mtime=@1600000000 --owner=0 --group=0 --numeric-owner --sort=name -cf '" + tar + "' recipe";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return tar;
}

const Entry* find(const Snapshot& snap, const std::string& path) {
  for (const auto& e : snap.entries) {
    if (e.path == path) {
      return &e;
    }
  }
  return nullptr;
}

class ReadTar : public ::testing::TestWithParam<std::string> {};

TEST_P(ReadTar, DescribesAndHashesEveryEntry) {
  TempDir dir("read-tar-test");
  Snapshot snap = read_tar(make_tar(dir.path(), GetParam()), 1);
  const Entry* lib = find(snap, "recipe/units/0123456789abcdef/lib.rlib");
  ASSERT_NE(lib, nullptr);
  EXPECT_EQ(lib->type, EntryType::file);
  EXPECT_EQ(lib->mode, 0750u);
  EXPECT_EQ(lib->size, 10u);
  EXPECT_EQ(lib->mtime, 1600000000);
  EXPECT_EQ(lib->uid, 0u);
  // Known answers: sha256sum of the same bytes; XXH3-128 through the library's own one-shot call.
  EXPECT_EQ(lib->sha256, "eaf409589f81d05d0a63be35d40bb0fd30715cdbdd3c2e7ed8d9fab2a24a27d7");
  EXPECT_EQ(lib->xxh3, digest_content("rlib bytes").xxh3);
  EXPECT_EQ(lib->xxh3.size(), 32u);

  const Entry* big = find(snap, k_long_name);
  ASSERT_NE(big, nullptr) << "the long name survives the " << GetParam() << " format";
  EXPECT_EQ(big->size, 300000u);
  EXPECT_EQ(big->sha256, "29927e273accc68286005017f7fa6e4f27bddb4db3083ff8b8d4c3667905b7fa");

  const Entry* link = find(snap, "recipe/units/0123456789abcdef/link");
  ASSERT_NE(link, nullptr);
  EXPECT_EQ(link->type, EntryType::symlink);
  EXPECT_EQ(link->link_target, "lib.rlib");
  const Entry* hard = find(snap, "recipe/units/0123456789abcdef/z-hard");
  ASSERT_NE(hard, nullptr);
  EXPECT_EQ(hard->type, EntryType::hardlink);
  EXPECT_EQ(hard->link_target, "recipe/units/0123456789abcdef/lib.rlib");
  const Entry* empty = find(snap, "recipe/units/fedcba9876543210/empty");
  ASSERT_NE(empty, nullptr);
  EXPECT_EQ(empty->sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(snap.bytes_hashed, 300010u);
  EXPECT_TRUE(std::is_sorted(snap.entries.begin(), snap.entries.end(),
                             [](const Entry& a, const Entry& b) { return a.path < b.path; }));
}

TEST_P(ReadTar, ThreadsDoNotChangeTheResult) {
  TempDir dir("read-tar-threads");
  std::string tar = make_tar(dir.path(), GetParam());
  EXPECT_EQ(read_tar(tar, 1), read_tar(tar, 4));
}

INSTANTIATE_TEST_SUITE_P(Formats, ReadTar, ::testing::Values("gnu", "pax", "ustar"),
                         [](const auto& info) { return info.param; });

TEST(ReadMember, ReadsOneFileAndNothingElse) {
  TempDir dir("read-tar-member");
  std::string tar = make_tar(dir.path(), "gnu");
  EXPECT_EQ(read_member(tar, "recipe/units/0123456789abcdef/lib.rlib"), "rlib bytes");
  EXPECT_EQ(read_member(tar, k_long_name), std::string(300000, 'x'));
  EXPECT_EQ(read_member(tar, "recipe/units/fedcba9876543210/empty"), "");
  EXPECT_FALSE(read_member(tar, "recipe/units/0123456789abcdef/link"));  // a symlink, not a file
  EXPECT_FALSE(read_member(tar, "recipe/units/nowhere"));
}

TEST(ReadTarErrors, TruncatedTarNamesTheFileAndOffset) {
  TempDir dir("read-tar-truncated");
  std::string tar = make_tar(dir.path(), "gnu");
  fs::resize_file(tar, 150000);
  try {
    read_tar(tar, 2);
    FAIL() << "a truncated tar was read";
  } catch (const InputError& e) {
    std::string what = e.what();
    EXPECT_EQ(what.rfind(tar + ": byte ", 0), 0u) << what;
    EXPECT_NE(what.find("truncated"), std::string::npos) << what;
  }
  EXPECT_THROW(read_tar((dir.path() / "missing.tar").string(), 1), InputError);
}

TEST(GroupByUnit, FilesGoUnderTheirUnitAndEmptyUnitsStay) {
  TempDir dir("read-tar-group");
  auto units = group_by_unit(read_tar(make_tar(dir.path(), "pax"), 2));
  ASSERT_EQ(units.size(), 3u);
  EXPECT_TRUE(units.at("aaaaaaaaaaaaaaaa").empty());
  ASSERT_EQ(units.at("fedcba9876543210").size(), 1u);
  EXPECT_EQ(units.at("fedcba9876543210")[0].path, "empty");
  // lib.rlib, link, z-hard, the long name's folder and the long name itself.
  EXPECT_EQ(units.at("0123456789abcdef").size(), 5u);
}

}  // namespace
}  // namespace recipe::snapshot
