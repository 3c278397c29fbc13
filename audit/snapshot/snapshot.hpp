#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recipe::snapshot {

enum class EntryType { file, directory, symlink, hardlink, other };

// One member of an exported build output, as the tar describes it.
struct Entry {
  std::string path;  // normalised: no leading "./" or "/", no trailing "/"; the root is ""
  EntryType type = EntryType::other;
  uint32_t mode = 0;  // permission bits, with setuid, setgid and sticky (mode & 07777)
  uint64_t size = 0;  // content bytes (files only; 0 for every other type)
  int64_t mtime = 0;  // seconds since the epoch, rounded down
  uint32_t uid = 0;
  uint32_t gid = 0;
  std::string link_target;  // symlinks: as written; hard links: a normalised member path
  std::string xxh3;         // XXH3-128 of the content, 32 lowercase hex digits (files only)
  std::string sha256;       // SHA-256 of the content, 64 lowercase hex digits (files only)

  bool operator==(const Entry&) const = default;
};

struct Snapshot {
  std::vector<Entry> entries;  // sorted by path, then archive order for repeated paths
  uint64_t bytes_hashed = 0;   // content bytes of all files

  bool operator==(const Snapshot&) const = default;
};

// Describe every member of the tar at `path` (ustar, GNU long names and links, pax extended and
// global headers), reading it once front to back and hashing file contents on `threads` workers
// (0 counts as 1). The result does not depend on `threads`. Throws InputError naming `path` and
// the byte offset on a truncated or corrupt archive, or if `path` cannot be read.
Snapshot read_tar(const std::string& path, unsigned threads);

// The content of the file `member` (a path as Entry::path has it) of the tar at `tar`, or none
// when the tar holds no such file. Throws InputError like read_tar.
std::optional<std::string> read_member(const std::string& tar, std::string_view member);

// The entries under `prefix` grouped by the folder right below it, e.g. "recipe/units/<id>/lib.rlib"
// → "<id>" → "lib.rlib" (the unit folders of the exported `outputs` stage). A unit whose folder
// is empty maps to no entries; the folder's own entry and everything outside `prefix` are left out.
std::map<std::string, std::vector<Entry>> group_by_unit(const Snapshot& snapshot,
                                                        std::string_view prefix = "recipe/units/");

}  // namespace recipe::snapshot
