#include "generator/support/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace recipe
