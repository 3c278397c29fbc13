#include "generator/support/atomic_file.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string_view>

#include <gtest/gtest.h>

#include "generator/support/atomic_file_hook.hpp"
#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe {
namespace {

namespace fs = std::filesystem;

TEST(AtomicFile, WritesAndReplacesRegularFiles) {
  fs::path dir = fs::temp_directory_path() / ("atomic-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "out.txt";
  write_output(file.string(), "first");
  write_output(file.string(), "second");
  EXPECT_EQ(read_file(file), "second");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);  // no temp left
  fs::remove_all(dir);
}

TEST(AtomicFile, UncommittedFileLeavesNothing) {
  fs::path file = fs::temp_directory_path() / ("atomic-uncommitted-" + std::to_string(::getpid()));
  {
    AtomicFile atomic(file);
    atomic.write("half");
  }
  EXPECT_FALSE(fs::exists(file));
}

TEST(AtomicFile, DevicesAreWrittenInPlaceNotReplaced) {
  // Renaming over /dev/null would replace the device with a file (root may do that).
  write_output("/dev/null", "discarded");
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

std::string_view g_kill_point;
int g_kill_signal = 0;

// Commit `target` in a child process that sends itself `signal_number` at the hook `point` of the
// commit; returns the signal that ended the child (0 if it exited).
int commit_in_child_killed_at(const fs::path& target, std::string_view point, int signal_number) {
  pid_t child = ::fork();
  if (child == 0) {
    g_kill_point = point;
    g_kill_signal = signal_number;
    set_atomic_file_test_hook([](std::string_view at) {
      if (at == g_kill_point) {
        ::raise(g_kill_signal);
      }
    });
    AtomicFile file(target);
    file.write("content");
    file.commit();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

TEST(AtomicFile, SigtermDuringCommitLeavesNothing) {
  TempDir dir("atomic-sigterm");
  ASSERT_EQ(commit_in_child_killed_at(dir.path() / "out", "linked", SIGTERM), SIGTERM);
  EXPECT_TRUE(names_in(dir.path()).empty());
}

TEST(AtomicFile, SigkillWhileWritingLeavesNoName) {
  // The content is written to a file without a name: a kill then leaves no file at all.
  TempDir dir("atomic-sigkill-write");
  ASSERT_EQ(commit_in_child_killed_at(dir.path() / "out", "written", SIGKILL), SIGKILL);
  EXPECT_TRUE(names_in(dir.path()).empty());
}

TEST(AtomicFile, TempFileOfAKilledProcessIsRemovedByTheNextCommit) {
  TempDir dir("atomic-sigkill-link");
  ASSERT_EQ(commit_in_child_killed_at(dir.path() / "out", "linked", SIGKILL), SIGKILL);
  ASSERT_EQ(names_in(dir.path()).size(), 1U);  // out.tmp.PID of the dead child
  write_output((dir.path() / "out").string(), "again");
  EXPECT_EQ(names_in(dir.path()), std::set<std::string>{"out"});
}

TEST(AtomicFile, OnlyTheKindOfEntryATemporaryNameStandsForIsRemoved) {
  TempDir dir("atomic-leftover-kinds");
  pid_t child = ::fork();
  if (child == 0) {
    ::_exit(0);
  }
  ::waitpid(child, nullptr, 0);  // a process that is gone
  const std::string dead = std::to_string(child);
  fs::create_directories(dir.path() / ("out.tmp." + dead) / "user-data");  // a folder, named like a temp file
  write_output((dir.path() / ("other.tmp." + dead)).string(), "left by the dead process");
  fs::create_directory_symlink(dir.path() / ("out.tmp." + dead), dir.path() / (".out.partial." + dead));
  remove_left_by_dead_processes(dir.path(), "out.tmp.", Leftover::file);
  remove_left_by_dead_processes(dir.path(), "other.tmp.", Leftover::file);
  remove_left_by_dead_processes(dir.path(), ".out.partial.", Leftover::folder);  // a symlink: kept
  EXPECT_EQ(names_in(dir.path()), (std::set<std::string>{".out.partial." + dead, "out.tmp." + dead}));
  EXPECT_TRUE(fs::exists(dir.path() / ("out.tmp." + dead) / "user-data"));
}

TEST(AtomicFile, ATempFileUnderOurOwnPidIsReplaced) {
  TempDir dir("atomic-own-pid");
  write_output((dir.path() / ("out.tmp." + std::to_string(::getpid()))).string(), "left by a process with our pid");
  write_output((dir.path() / "out").string(), "new");
  EXPECT_EQ(read_file(dir.path() / "out"), "new");
  EXPECT_EQ(names_in(dir.path()), std::set<std::string>{"out"});
}

TEST(AtomicFile, EmptyPathAndFoldersAreInputErrors) {
  TempDir dir("atomic-folder");
  EXPECT_THROW(write_output("", "x"), InputError);
  EXPECT_THROW(write_output(dir.path().string(), "x"), InputError);
}

}  // namespace
}  // namespace recipe
