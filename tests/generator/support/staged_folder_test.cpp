#include "generator/support/staged_folder.hpp"

#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

// Every path below `dir` with the content of files ("/" for folders), hidden entries included.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    std::string content = "/";
    if (it->is_regular_file()) {
      std::ifstream in(it->path());
      content.assign(std::istreambuf_iterator<char>(in), {});
    }
    out[fs::relative(it->path(), dir).generic_string()] = content;
  }
  return out;
}

class StagedFolderTest : public ::testing::Test {
 protected:
  TempDir m_dir{"staged-folder-test"};
  fs::path m_out = m_dir.path() / "bin";
};

TEST_F(StagedFolderTest, ANewFolderGetsTheOutputs) {
  StagedFolder staged(m_out);
  write(staged.path() / "app", "binary");
  EXPECT_EQ(staged.commit(), std::vector<fs::path>{m_out / "app"});
  EXPECT_EQ(tree(m_dir.path()), (std::map<std::string, std::string>{{"bin", "/"}, {"bin/app", "binary"}}));
}

TEST_F(StagedFolderTest, ABuildThatWroteNothingLeavesAnExistingFolderAsItWas) {
  write(m_out / "notes.txt", "mine");
  StagedFolder into_existing(m_out);
  EXPECT_TRUE(into_existing.commit().empty());
  fs::remove_all(m_dir.path() / "new");
  StagedFolder into_new(m_dir.path() / "new");
  EXPECT_TRUE(into_new.commit().empty());
  EXPECT_EQ(tree(m_dir.path()),
            (std::map<std::string, std::string>{{"bin", "/"}, {"bin/notes.txt", "mine"}, {"new", "/"}}));
}

TEST_F(StagedFolderTest, AnExistingFolderKeepsWhatTheBuildDoesNotWrite) {
  write(m_out / "notes.txt", "mine");
  write(m_out / "app", "old binary");
  write(m_out / "share/doc/README", "mine too");
  {
    StagedFolder staged(m_out);
    write(staged.path() / "app", "new binary");
    write(staged.path() / "share/man/app.1", "manual");
    EXPECT_EQ(staged.commit(), (std::vector<fs::path>{m_out / "app", m_out / "share"}));
  }
  EXPECT_EQ(tree(m_dir.path()), (std::map<std::string, std::string>{{"bin", "/"},
                                                                    {"bin/app", "new binary"},
                                                                    {"bin/notes.txt", "mine"},
                                                                    {"bin/share", "/"},
                                                                    {"bin/share/doc", "/"},
                                                                    {"bin/share/doc/README", "mine too"},
                                                                    {"bin/share/man", "/"},
                                                                    {"bin/share/man/app.1", "manual"}}));
}

TEST_F(StagedFolderTest, AFailedBuildLeavesTheFolderAsItWasAndNoHiddenFolder) {
  write(m_out / "app", "old binary");
  auto before = tree(m_dir.path());
  {
    StagedFolder staged(m_out);
    EXPECT_EQ(staged.path().parent_path().parent_path(), m_dir.path());
    EXPECT_TRUE(staged.path().parent_path().filename().string().starts_with(".bin.partial."));
    write(staged.path() / "app", "half written");
  }  // no commit: the build failed
  EXPECT_EQ(tree(m_dir.path()), before);
}

TEST_F(StagedFolderTest, WhatAKilledBuildLeftBesideTheTargetIsRemoved) {
  // A pid that is no process: past the largest pid_max Linux allows.
  write(m_dir.path() / ".bin.partial.4194305/out/app", "half written");
  write(m_dir.path() / ".bin.partial.1/out/app", "pid 1 lives");  // not ours to judge
  write(m_dir.path() / ".other.partial.4194305/out/app", "another target's");
  StagedFolder staged(m_out);
  EXPECT_FALSE(fs::exists(m_dir.path() / ".bin.partial.4194305"));
  EXPECT_TRUE(fs::exists(m_dir.path() / ".bin.partial.1/out/app"));
  EXPECT_TRUE(fs::exists(m_dir.path() / ".other.partial.4194305/out/app"));
}

TEST_F(StagedFolderTest, AFileWhereTheBuildWritesAFolderMovesNothing) {
  write(m_out / "share", "a file of mine");
  write(m_out / "notes.txt", "mine");
  auto before = tree(m_dir.path());
  {
    StagedFolder staged(m_out);
    write(staged.path() / "app", "binary");
    write(staged.path() / "share/man/app.1", "manual");
    try {
      staged.commit();
      ADD_FAILURE() << "a file was replaced by a folder";
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()), (m_out / "share").string() +
                                           ": is a file where the build writes a folder (move it away, or build into "
                                           "another folder)");
    }
  }
  EXPECT_EQ(tree(m_dir.path()), before);
}

TEST_F(StagedFolderTest, AnOutputThatIsAFileOrEmptyIsRefused) {
  write(m_out, "a file");
  EXPECT_THROW(StagedFolder{m_out}, InputError);
  EXPECT_THROW(StagedFolder{""}, InputError);
  EXPECT_EQ(tree(m_dir.path()), (std::map<std::string, std::string>{{"bin", "a file"}}));
}

}  // namespace
}  // namespace recipe
