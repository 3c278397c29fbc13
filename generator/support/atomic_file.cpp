#include "generator/support/atomic_file.hpp"
#include "generator/support/atomic_file_hook.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <mutex>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <algorithm>

#include "generator/support/error.hpp"

namespace recipe {

namespace {

// TARGET.tmp.PID: the name a pending write has, which a later commit beside it recognises.
constexpr std::string_view k_temp_infix = ".tmp.";

// The temporary files a signal handler removes before the process dies: a fixed table, read in
// the handler without locks or allocation.
constexpr size_t k_pending_slots = 16;
std::array<std::atomic<const char*>, k_pending_slots> g_pending{};

void (*g_test_hook)(std::string_view) = nullptr;

void run_test_hook(std::string_view point) {
  if (g_test_hook != nullptr) {
    g_test_hook(point);
  }
}

extern "C" void remove_pending_and_reraise(int signal_number) {
  for (auto& slot : g_pending) {
    if (const char* path = slot.load()) {
      ::unlink(path);
    }
  }
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

// Installs the handler for SIGTERM and SIGINT once, where nobody else handles them.
void install_signal_cleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int signal_number : {SIGTERM, SIGINT}) {
      struct sigaction current {};
      if (::sigaction(signal_number, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) {
        struct sigaction action {};
        action.sa_handler = remove_pending_and_reraise;
        sigemptyset(&action.sa_mask);
        ::sigaction(signal_number, &action, nullptr);
      }
    }
  });
}

// Holds `path` in the table for as long as it lives.
class PendingTemp {
 public:
  explicit PendingTemp(const std::string& path) {
    for (auto& slot : g_pending) {
      const char* expected = nullptr;
      if (slot.compare_exchange_strong(expected, path.c_str())) {
        m_slot = &slot;
        return;
      }
    }
  }
  ~PendingTemp() {
    if (m_slot != nullptr) {
      m_slot->store(nullptr);
    }
  }
  PendingTemp(const PendingTemp&) = delete;
  PendingTemp& operator=(const PendingTemp&) = delete;

 private:
  std::atomic<const char*>* m_slot = nullptr;
};

// Remove TARGET.tmp.PID files beside `target` whose process is gone (killed mid-write).
void remove_stale_temps(const std::filesystem::path& target) {
  std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  remove_left_by_dead_processes(dir, target.filename().string() + std::string(k_temp_infix), Leftover::file);
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// The content in a file without a name (O_TMPFILE) given the name `temp` only once complete;
// false when the filesystem or kernel cannot do that.
bool write_unnamed_then_link(const std::filesystem::path& target, const std::string& temp, std::string_view content) {
  std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) {
    return false;
  }
  if (!write_all(fd, content)) {
    int saved = errno;
    ::close(fd);
    throw Error(target.string() + ": cannot write: " + std::strerror(saved));
  }
  run_test_hook("written");
  std::string self = "/proc/self/fd/" + std::to_string(fd);
  bool linked = ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) == 0;
  ::close(fd);
  return linked;
}

void write_named(const std::string& temp, std::string_view content) {
  int fd = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    throw Error(temp + ": cannot write: " + std::strerror(errno));
  }
  bool ok = write_all(fd, content);
  int saved = errno;
  ::close(fd);
  if (!ok) {
    throw Error(temp + ": cannot write: " + std::strerror(saved));
  }
  run_test_hook("written");
}

}  // namespace

void set_atomic_file_test_hook(void (*hook)(std::string_view point)) {
  g_test_hook = hook;
}

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target)) {
  m_temp = m_target;
  m_temp += std::string(k_temp_infix) + std::to_string(::getpid());
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
  remove_stale_temps(m_target);
  // Our own temp name, left by an earlier process that had our pid (pids repeat in containers):
  // only this process writes under it now.
  if (std::filesystem::is_regular_file(std::filesystem::symlink_status(m_temp, ec))) {
    std::filesystem::remove(m_temp, ec);
  }
  install_signal_cleanup();
  const std::string temp = m_temp.string();
  PendingTemp pending(temp);
  // Unnamed until complete where the kernel allows: a SIGKILL then leaves nothing at all.
  if (!write_unnamed_then_link(m_target, temp, m_content)) {
    write_named(temp, m_content);
  }
  run_test_hook("linked");
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
  if (path.empty()) {
    throw InputError("the output path is empty (name a file, or - for stdout)");
  }
  // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming a temporary
  // file over it would replace the device itself.
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) {
    throw InputError(path + ": is a folder (name the file to write inside it)");
  }
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

void remove_left_by_dead_processes(const std::filesystem::path& dir, const std::string& prefix, Leftover kind) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.starts_with(prefix)) {
      continue;
    }
    std::string_view digits = std::string_view(name).substr(prefix.size());
    pid_t pid = 0;
    auto [ptr, parse_error] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
    if (parse_error == std::errc() && ptr == digits.data() + digits.size() && pid > 0 && ::kill(pid, 0) == -1 &&
        errno == ESRCH) {
      std::error_code ignored;
      std::filesystem::file_status status = std::filesystem::symlink_status(it->path(), ignored);
      if (kind == Leftover::file && std::filesystem::is_regular_file(status)) {
        std::filesystem::remove(it->path(), ignored);
      } else if (kind == Leftover::folder && std::filesystem::is_directory(status)) {
        std::filesystem::remove_all(it->path(), ignored);
      }
    }
  }
}

}  // namespace recipe
