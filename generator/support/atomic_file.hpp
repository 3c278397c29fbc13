#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace recipe {

// A file written to a temporary sibling and renamed into place on `commit()`; destroyed without
// commit, it leaves nothing behind. So a failed run never leaves a half-written output. The
// temporary file has no name until it is complete (O_TMPFILE, where the filesystem has it), is
// removed on SIGTERM and SIGINT, and one a SIGKILL left (TARGET.tmp.PID of a dead process) is
// removed by the next commit beside it.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);
  // Flush and rename into place. Throws Error when the file cannot be written.
  void commit();

 private:
  std::filesystem::path m_target;
  std::filesystem::path m_temp;
  std::string m_content;
  bool m_committed = false;
};

// Write `content` to `path` atomically (`-` means stdout). Throws InputError when `path` is
// empty or a folder, Error when it cannot be written.
void write_output(const std::string& path, std::string_view content);

// Bytes read_file reserves past the end of the text: parsers that read in blocks (simdjson)
// then parse the string in place instead of copying it into a padded buffer first.
inline constexpr size_t k_read_padding = 64;

// Read a whole file, in one read of its size when it has one. Throws InputError naming `path`
// when it cannot be read.
std::string read_file(const std::filesystem::path& path);

}  // namespace recipe
