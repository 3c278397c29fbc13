#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe {
namespace {

namespace fs = std::filesystem;

std::string error_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ReadFile, AFileUpToTheLimitIsReadWhole) {
  fs::path file = fs::path(::testing::TempDir()) / "read-file-limit.txt";
  std::ofstream(file, std::ios::binary) << std::string(100, 'x') << std::string(1, '\0') << "end";
  EXPECT_EQ(read_file(file, 104), std::string(100, 'x') + std::string(1, '\0') + "end");
  EXPECT_EQ(
      error_of([&] { read_file(file, 103); }),
      file.string() + ": larger than 103 bytes, the most cargo-recipe reads from one input (is it the right file?)");
  fs::remove(file);
}

TEST(ReadFile, AnEndlessDeviceStopsOneByteAfterTheLimit) {
  EXPECT_EQ(error_of([] { read_file("/dev/zero", size_t{1} << 20); }),
            "/dev/zero: larger than 1 MiB, the most cargo-recipe reads from one input (is it the right file?)");
}

TEST(ReadFile, AStreamIsCappedLikeAFile) {
  std::istringstream in(std::string(3 << 20, 'a'));
  EXPECT_EQ(error_of([&] { read_stream(in, size_t{2} << 20, "<stdin>"); }),
            "<stdin>: larger than 2 MiB, the most cargo-recipe reads from one input (is it the right file?)");
  std::istringstream small("{}");
  EXPECT_EQ(read_stream(small, 2, "<stdin>"), "{}");
}

TEST(ReadFile, DirectoriesAndMissingFilesAreInputErrors) {
  EXPECT_NE(error_of([] { read_file(::testing::TempDir()); }).find(": cannot read: Is a directory"), std::string::npos);
  EXPECT_NE(error_of([] { read_file("/nonexistent/x"); }).find("/nonexistent/x: cannot read"), std::string::npos);
}

}  // namespace
}  // namespace recipe
