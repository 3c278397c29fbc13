#include "generator/support/padded_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "generator/support/error.hpp"

namespace recipe {
namespace {

namespace fs = std::filesystem;

class PaddedFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("padded-file-" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  fs::path write(const std::string& name, const std::string& content) {
    fs::path path = m_dir / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  fs::path m_dir;
};

// A mapped file's padding reads as zeros, whether it lies in the file's last page or past it (a
// padding that ran past the mapping would crash here instead).
void expect_text_and_zero_padding(const PaddedFile& file, const std::string& content) {
  ASSERT_EQ(file.text(), content);
  ASSERT_GE(file.padding(), k_read_padding);
  const char* end = file.text().data() + file.text().size();
  for (size_t i = 0; i < k_read_padding; ++i) {
    ASSERT_EQ(end[i], '\0') << "padding byte " << i << " of a " << content.size() << "-byte file";
  }
}

TEST_F(PaddedFileTest, GivesTheTextAndZeroPaddingWhateverTheSize) {
  auto page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  // Around page ends, where the padding would spill into the next page.
  for (size_t size : {size_t{1}, size_t{100}, page - k_read_padding, page - 1, page, page + 1, 3 * page - 10}) {
    std::string content(size, 'x');
    content.front() = '{';
    content.back() = '}';
    PaddedFile file(write("f" + std::to_string(size), content));
    expect_text_and_zero_padding(file, content);
  }
}

// Read rather than mapped, and padded all the same (simdjson reads past the end in place).
TEST_F(PaddedFileTest, EmptyAndSizelessFilesAreReadWithPadding) {
  PaddedFile empty(write("empty", ""));
  EXPECT_EQ(empty.text(), "");
  EXPECT_GE(empty.padding(), k_read_padding);
  PaddedFile status("/proc/self/status");  // size 0 to stat, content when read
  EXPECT_NE(status.text().find("Name:"), std::string_view::npos);
  EXPECT_GE(status.padding(), k_read_padding);
  std::string read = read_file("/proc/self/status");
  EXPECT_GE(read.capacity() - read.size(), k_read_padding);
}

TEST_F(PaddedFileTest, MissingFilesAndDirectoriesAreInputErrors) {
  EXPECT_THROW(PaddedFile(m_dir / "missing"), InputError);
  try {
    PaddedFile dir(m_dir);
    FAIL() << "a directory was read";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), m_dir.string() + ": cannot read: Is a directory");
  }
  EXPECT_THROW(read_file(m_dir), InputError);
}

}  // namespace
}  // namespace recipe
