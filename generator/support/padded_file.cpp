#include "generator/support/padded_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "generator/support/error.hpp"

namespace recipe {

namespace {

// Closes a descriptor on every way out.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) {
      close(fd);
    }
  }
};

size_t round_up(size_t size, size_t multiple) {
  return (size + multiple - 1) / multiple * multiple;
}

}  // namespace

PaddedFile::PaddedFile(const std::filesystem::path& path) {
  FileDescriptor file{open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  struct stat status {};
  if (file.fd < 0 || fstat(file.fd, &status) != 0) {
    throw InputError(path.string() + ": cannot read: " + std::strerror(errno));
  }
  // Not a regular file (a pipe, /proc, a directory, which read_file refuses), or empty.
  if (!S_ISREG(status.st_mode) || status.st_size <= 0) {
    read_into_memory(path);
    return;
  }
  auto size = static_cast<size_t>(status.st_size);
  auto page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  // Anonymous (zero) pages for the padding, then the file over their start: the bytes after the
  // end of the file in its last page read as zeros, and the padding never runs past the mapping.
  m_mapping_size = round_up(size + k_read_padding, page);
  m_mapping = mmap(nullptr, m_mapping_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m_mapping == MAP_FAILED) {
    m_mapping = nullptr;
    read_into_memory(path);
    return;
  }
  // MAP_POPULATE: the whole file is parsed, so map it all now rather than a fault at a time.
  if (mmap(m_mapping, round_up(size, page), PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, file.fd, 0) ==
      MAP_FAILED) {
    munmap(m_mapping, m_mapping_size);
    m_mapping = nullptr;
    read_into_memory(path);  // a file system that cannot map: read it (or say why not)
    return;
  }
  m_text = std::string_view(static_cast<const char*>(m_mapping), size);
  m_padding = m_mapping_size - size;
}

void PaddedFile::read_into_memory(const std::filesystem::path& path) {
  m_read = read_file(path);
  m_text = m_read;
  m_padding = m_read.capacity() - m_read.size();
}

PaddedFile::~PaddedFile() {
  if (m_mapping != nullptr) {
    munmap(m_mapping, m_mapping_size);
  }
}

}  // namespace recipe
