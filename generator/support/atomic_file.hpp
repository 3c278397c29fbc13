#pragma once

#include <filesystem>
#include <istream>
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

// What a temporary name stands for: a file (AtomicFile's TARGET.tmp.PID) or a folder
// (StagedFolder's .TARGET.partial.PID).
enum class Leftover { file, folder };

// Remove the entries of `dir` named `prefix` followed by the id of a process that is gone, and
// of the `kind` this tool made under such names: what a process killed with SIGKILL left. An
// entry of the other kind (a folder named like a temporary file, a symlink) is never touched.
void remove_left_by_dead_processes(const std::filesystem::path& dir, const std::string& prefix, Leftover kind);

// Write `content` to `path` atomically (`-` means stdout). Throws InputError when `path` is
// empty or a folder, Error when it cannot be written.
void write_output(const std::string& path, std::string_view content);

// The most read_file takes from a Cargo.lock, a manifest, a hints file or a recipe: a thousand
// times the largest real one.
inline constexpr size_t k_text_input_limit = size_t{64} << 20;
// The most read from `cargo metadata` output (that of a 606-package workspace is 2.4 MB).
inline constexpr size_t k_metadata_limit = size_t{1} << 30;

// The whole of `in`, named `origin` in messages. Throws InputError when it cannot be read or
// holds more than `limit` bytes, having read at most one more (so /dev/zero stops early).
std::string read_stream(std::istream& in, size_t limit, const std::string& origin);

// Read a whole file of at most `limit` bytes. Throws InputError naming `path` when it cannot be
// read, is a directory, or is larger.
std::string read_file(const std::filesystem::path& path, size_t limit = k_text_input_limit);

}  // namespace recipe
