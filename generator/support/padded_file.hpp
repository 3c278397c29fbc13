#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "generator/support/atomic_file.hpp"

namespace recipe {

// The whole of an input file, followed by at least k_read_padding readable bytes so that a block
// parser (simdjson) can work on it in place. A regular file is mapped rather than read: for the
// megabyte of a large `cargo metadata`, copying it into the heap faulted in as many fresh pages as
// the parse itself needed. Anything else (a pipe, /proc, an empty file) is read into memory.
// The file must not shrink while this is alive (reading a mapped page past its end is a crash):
// inputs are files cargo wrote and nobody is rewriting.
class PaddedFile {
 public:
  // Throws InputError naming `path` when it cannot be read.
  explicit PaddedFile(const std::filesystem::path& path);
  PaddedFile(const PaddedFile&) = delete;
  PaddedFile& operator=(const PaddedFile&) = delete;
  ~PaddedFile();

  std::string_view text() const { return m_text; }
  // How many readable bytes follow text(): at least k_read_padding.
  size_t padding() const { return m_padding; }

 private:
  void read_into_memory(const std::filesystem::path& path);

  void* m_mapping = nullptr;  // the whole mapping, when the file is mapped
  size_t m_mapping_size = 0;
  std::string m_read;  // the text, when it is not
  std::string_view m_text;
  size_t m_padding = 0;
};

}  // namespace recipe
