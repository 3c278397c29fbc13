#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "audit/snapshot/content_digest.hpp"
#include "audit/snapshot/snapshot.hpp"
#include "generator/support/error.hpp"

namespace recipe::snapshot {

namespace {

// Bytes of file content read ahead of the hashing workers at most: bounds memory on large tars.
constexpr size_t k_max_queued_bytes = size_t{256} << 20;
constexpr size_t k_read_block = size_t{1} << 20;

std::string normalise(std::string path) {
  while (path.starts_with("./")) {
    path.erase(0, 2);
  }
  while (path.starts_with('/')) {
    path.erase(0, 1);
  }
  while (path.ends_with('/')) {
    path.pop_back();
  }
  return path == "." ? "" : path;
}

EntryType type_of(archive_entry* entry) {
  if (archive_entry_hardlink(entry) != nullptr) {
    return EntryType::hardlink;
  }
  switch (archive_entry_filetype(entry)) {
    case AE_IFREG:
      return EntryType::file;
    case AE_IFDIR:
      return EntryType::directory;
    case AE_IFLNK:
      return EntryType::symlink;
    default:
      return EntryType::other;
  }
}

// One file's content waiting for a hashing worker, and the entry its digests go to.
struct HashJob {
  Entry* entry = nullptr;
  std::string content;
};

// Workers that hash contents handed to them while the reader goes on decoding the tar. Digests
// land in the entry each job names, so the result does not depend on which worker ran it.
class HashPool {
 public:
  explicit HashPool(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i) {
      m_workers.emplace_back([this] { work(); });
    }
  }

  ~HashPool() {
    try {
      finish();
    } catch (...) {  // only reached while unwinding from a reader error, which wins
    }
  }

  // Queue `job`, waiting while too much content is queued already.
  void submit(HashJob job) {
    std::unique_lock lock(m_mutex);
    m_space.wait(lock, [&] { return m_queued_bytes < k_max_queued_bytes || m_jobs.empty(); });
    m_queued_bytes += job.content.size();
    m_jobs.push_back(std::move(job));
    m_ready.notify_one();
  }

  // Wait for every job; rethrows the first error a worker met.
  void finish() {
    {
      std::lock_guard lock(m_mutex);
      m_closed = true;
    }
    m_ready.notify_all();
    for (auto& worker : m_workers) {
      if (worker.joinable()) {
        worker.join();
      }
    }
    if (m_error) {
      std::rethrow_exception(std::exchange(m_error, nullptr));
    }
  }

 private:
  void work() {
    try {
      ContentHasher hasher;
      while (true) {
        HashJob job;
        {
          std::unique_lock lock(m_mutex);
          m_ready.wait(lock, [&] { return m_closed || !m_jobs.empty(); });
          if (m_jobs.empty()) {
            return;
          }
          job = std::move(m_jobs.front());
          m_jobs.pop_front();
          m_queued_bytes -= job.content.size();
        }
        m_space.notify_one();
        hasher.update(job.content);
        ContentDigest digest = hasher.finish();
        // The reader never touches an entry again once it is queued.
        job.entry->xxh3 = std::move(digest.xxh3);
        job.entry->sha256 = std::move(digest.sha256);
      }
    } catch (...) {
      std::lock_guard lock(m_mutex);
      if (!m_error) {
        m_error = std::current_exception();
      }
    }
  }

  std::vector<std::thread> m_workers;
  std::mutex m_mutex;
  std::condition_variable m_ready;
  std::condition_variable m_space;
  std::deque<HashJob> m_jobs;
  size_t m_queued_bytes = 0;
  bool m_closed = false;
  std::exception_ptr m_error;
};

using ArchivePtr = std::unique_ptr<archive, decltype(&archive_read_free)>;

[[noreturn]] void fail(archive* reader, const std::string& path, const std::string& what) {
  const char* message = archive_error_string(reader);
  throw InputError(path + ": byte " + std::to_string(archive_filter_bytes(reader, -1)) + ": " + what +
                   (message != nullptr ? std::string(": ") + message : std::string()));
}

Entry describe(archive_entry* header) {
  Entry entry;
  const char* name = archive_entry_pathname(header);
  entry.path = normalise(name != nullptr ? name : "");
  entry.type = type_of(header);
  entry.mode = static_cast<uint32_t>(archive_entry_perm(header)) & 07777;
  entry.mtime = archive_entry_mtime(header);
  entry.uid = static_cast<uint32_t>(archive_entry_uid(header));
  entry.gid = static_cast<uint32_t>(archive_entry_gid(header));
  if (entry.type == EntryType::symlink && archive_entry_symlink(header) != nullptr) {
    entry.link_target = archive_entry_symlink(header);
  } else if (entry.type == EntryType::hardlink) {
    entry.link_target = normalise(archive_entry_hardlink(header));
  }
  if (entry.type == EntryType::file) {
    entry.size = static_cast<uint64_t>(std::max<la_int64_t>(archive_entry_size(header), 0));
  }
  return entry;
}

ArchivePtr open_tar(const std::string& path) {
  ArchivePtr reader(archive_read_new(), &archive_read_free);
  archive_read_support_format_tar(reader.get());
  archive_read_support_format_gnutar(reader.get());
  if (archive_read_open_filename(reader.get(), path.c_str(), k_read_block) != ARCHIVE_OK) {
    fail(reader.get(), path, "cannot open as a tar");
  }
  return reader;
}

// The next header, or null at the end of the archive.
archive_entry* next_header(archive* reader, const std::string& path) {
  archive_entry* header = nullptr;
  int status = archive_read_next_header(reader, &header);
  if (status == ARCHIVE_EOF) {
    return nullptr;
  }
  if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
    fail(reader, path, "corrupt or truncated tar");
  }
  return header;
}

// The content of the entry whose header was just read, all `size` bytes of it.
std::string read_content(archive* reader, const std::string& path, const Entry& entry, std::vector<char>& block) {
  std::string content;
  content.reserve(entry.size);
  while (true) {
    la_ssize_t got = archive_read_data(reader, block.data(), block.size());
    if (got < 0) {
      fail(reader, path, "corrupt or truncated tar in \"" + entry.path + "\"");
    }
    if (got == 0) {
      break;
    }
    content.append(block.data(), static_cast<size_t>(got));
  }
  if (content.size() != entry.size) {
    fail(reader, path, "truncated tar: \"" + entry.path + "\" ends early");
  }
  return content;
}

}  // namespace

Snapshot read_tar(const std::string& path, unsigned threads) {
  ArchivePtr reader = open_tar(path);
  // A deque: workers hold pointers to entries while the reader appends more.
  std::deque<Entry> entries;
  uint64_t bytes = 0;
  {
    HashPool pool(std::max(threads, 1u));
    std::vector<char> block(k_read_block);
    while (archive_entry* header = next_header(reader.get(), path)) {
      Entry& entry = entries.emplace_back(describe(header));
      if (entry.type != EntryType::file) {
        continue;
      }
      std::string content = read_content(reader.get(), path, entry, block);
      bytes += entry.size;
      pool.submit({&entry, std::move(content)});
    }
    pool.finish();
  }
  Snapshot snapshot;
  snapshot.bytes_hashed = bytes;
  snapshot.entries.assign(std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()));
  std::ranges::stable_sort(snapshot.entries, {}, &Entry::path);
  return snapshot;
}

std::optional<std::string> read_member(const std::string& tar, std::string_view member) {
  ArchivePtr reader = open_tar(tar);
  std::vector<char> block(k_read_block);
  while (archive_entry* header = next_header(reader.get(), tar)) {
    Entry entry = describe(header);
    if (entry.type == EntryType::file && entry.path == member) {
      return read_content(reader.get(), tar, entry, block);
    }
  }
  return std::nullopt;
}

std::map<std::string, std::vector<Entry>> group_by_unit(const Snapshot& snapshot, std::string_view prefix) {
  std::map<std::string, std::vector<Entry>> units;
  for (const auto& entry : snapshot.entries) {
    std::string_view path = entry.path;
    if (!path.starts_with(prefix)) {
      continue;
    }
    path.remove_prefix(prefix.size());
    size_t slash = path.find('/');
    std::string unit(path.substr(0, slash));
    if (unit.empty()) {
      continue;
    }
    std::vector<Entry>& files = units[unit];
    if (slash == std::string_view::npos) {
      continue;  // the unit folder itself: present, maybe empty
    }
    Entry inside = entry;
    inside.path = std::string(path.substr(slash + 1));
    files.push_back(std::move(inside));
  }
  return units;
}

}  // namespace recipe::snapshot
