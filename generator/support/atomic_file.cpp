#include "generator/support/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <algorithm>

#include "generator/support/error.hpp"

namespace recipe {

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target)) {
  m_temp = m_target;
  m_temp += ".tmp." + std::to_string(::getpid());
}

AtomicFile::~AtomicFile() {
  if (!m_committed) {
    std::error_code ignored;
    std::filesystem::remove(m_temp, ignored);
  }
}

void AtomicFile::write(std::string_view bytes) {
  m_content.append(bytes);
}

void AtomicFile::commit() {
  std::error_code ec;
  if (m_target.has_parent_path()) {
    std::filesystem::create_directories(m_target.parent_path(), ec);
  }
  {
    std::ofstream out(m_temp, std::ios::binary | std::ios::trunc);
    out.write(m_content.data(), static_cast<std::streamsize>(m_content.size()));
    out.flush();
    if (!out) {
      throw Error(m_temp.string() + ": cannot write: " + std::strerror(errno));
    }
  }
  std::filesystem::rename(m_temp, m_target, ec);
  if (ec) {
    throw Error(m_target.string() + ": cannot rename into place: " + ec.message());
  }
  m_committed = true;
}

void write_output(const std::string& path, std::string_view content) {
  if (path == "-") {
    std::cout.write(content.data(), static_cast<std::streamsize>(content.size()));
    std::cout.flush();
    return;
  }
  // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming a temporary
  // file over it would replace the device itself.
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      throw Error(path + ": cannot write: " + std::strerror(errno));
    }
    return;
  }
  AtomicFile file(path);
  file.write(content);
  file.commit();
}

namespace {

// "1 GiB", "64 MiB": limits are whole powers of two of those units.
std::string size_in_words(size_t bytes) {
  if (bytes >= (size_t{1} << 30) && bytes % (size_t{1} << 30) == 0) {
    return std::to_string(bytes >> 30) + " GiB";
  }
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  return std::to_string(bytes) + " bytes";
}

[[noreturn]] void throw_too_large(const std::string& origin, size_t limit) {
  throw InputError(origin + ": larger than " + size_in_words(limit) +
                   ", the most cargo-recipe reads from one input (is it the right file?)");
}

}  // namespace

std::string read_stream(std::istream& in, size_t limit, const std::string& origin) {
  std::string text;
  constexpr size_t k_chunk = 64 << 10;
  while (in) {
    size_t at = text.size();
    // One byte past the limit is enough to tell a file that is too large.
    size_t want = std::min(k_chunk, limit + 1 - at);
    text.resize(at + want);
    in.read(text.data() + at, static_cast<std::streamsize>(want));
    text.resize(at + static_cast<size_t>(in.gcount()));
    if (text.size() > limit) {
      throw_too_large(origin, limit);
    }
  }
  if (in.bad()) {
    throw InputError(origin + ": cannot read: " + std::strerror(errno));
  }
  return text;
}

std::string read_file(const std::filesystem::path& path, size_t limit) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw InputError(path.string() + ": cannot read: " + std::strerror(EISDIR));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError(path.string() + ": cannot read: " + std::strerror(errno));
  }
  // A regular file says its size: refuse a large one before reading it.
  if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) > limit && !ec) {
    throw_too_large(path.string(), limit);
  }
  return read_stream(in, limit, path.string());
}

}  // namespace recipe
