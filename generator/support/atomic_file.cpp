#include "generator/support/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

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

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError(path.string() + ": cannot read: " + std::strerror(errno));
  }
  // A directory opens as a stream whose size reads as the largest offset there is.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw InputError(path.string() + ": cannot read: " + std::strerror(EISDIR));
  }
  // A stream copy into an ostringstream doubles its buffer and copies the text three times: for a
  // megabyte of metadata that is most of the time it takes to read it.
  std::string text;
  in.seekg(0, std::ios::end);
  if (std::streamoff size = in.tellg(); size > 0) {
    text.reserve(static_cast<size_t>(size) + k_read_padding);
    text.resize(static_cast<size_t>(size));
    in.seekg(0);
    in.read(text.data(), size);
    text.resize(static_cast<size_t>(in.gcount()));
  } else {  // no size to go by (a pipe, /proc): read until the end
    in.clear();
    in.seekg(0);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    text.reserve(text.size() + k_read_padding);
  }
  if (in.bad()) {
    throw InputError(path.string() + ": cannot read: " + std::strerror(errno));
  }
  return text;
}

}  // namespace recipe
