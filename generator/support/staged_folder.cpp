#include "generator/support/staged_folder.hpp"

#include <unistd.h>

#include <algorithm>

#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe {

namespace fs = std::filesystem;

namespace {

// The entry of `from` that would meet an entry of another kind below `to`, or "" if none does.
fs::path first_conflict(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(from, ec)) {
    fs::path there = to / entry.path().filename();
    fs::file_status existing = fs::symlink_status(there, ec);
    if (!fs::exists(existing)) {
      continue;
    }
    bool folder = entry.is_directory(ec) && !entry.is_symlink(ec);
    if (folder != fs::is_directory(existing)) {
      return there;
    }
    if (folder) {
      if (fs::path deeper = first_conflict(entry.path(), there); !deeper.empty()) {
        return deeper;
      }
    }
  }
  return {};
}

// Move every entry of `from` into the folder `to`: files replace files of the same name, folders
// merge into folders (first_conflict has found no mixed kinds).
void move_into(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::directory_iterator entries(from, ec);
  if (ec) {
    throw Error("cannot read " + from.string() + ": " + ec.message());
  }
  for (const auto& entry : entries) {
    fs::path there = to / entry.path().filename();
    if (entry.is_directory(ec) && !entry.is_symlink(ec) && fs::is_directory(fs::symlink_status(there, ec))) {
      move_into(entry.path(), there);
      continue;
    }
    fs::rename(entry.path(), there, ec);
    if (ec) {
      throw Error("cannot move " + entry.path().string() + " to " + there.string() + ": " + ec.message());
    }
  }
}

}  // namespace

StagedFolder::StagedFolder(const fs::path& target) {
  if (target.empty()) {
    throw InputError("the output folder is \"\" (name one with -o DIR)");
  }
  m_target = fs::absolute(target).lexically_normal();
  if (!m_target.has_filename()) {
    m_target = m_target.parent_path();
  }
  std::error_code ec;
  fs::file_status status = fs::status(m_target, ec);
  if (fs::exists(status) && !fs::is_directory(status)) {
    throw InputError(target.string() + ": exists and is not a folder (name a folder for the outputs)");
  }
  // What a build killed with SIGKILL left beside the target goes first.
  const std::string prefix = "." + m_target.filename().string() + ".partial.";
  remove_left_by_dead_processes(m_target.parent_path(), prefix, Leftover::folder);
  m_hidden = m_target.parent_path() / (prefix + std::to_string(::getpid()));
  fs::remove_all(m_hidden, ec);
  if (!fs::create_directories(m_hidden, ec) || ec) {
    throw Error("cannot create " + m_hidden.string() + ": " + (ec ? ec.message() : "it exists"));
  }
  m_path = m_hidden / "out";
}

StagedFolder::~StagedFolder() {
  std::error_code ignored;
  fs::remove_all(m_hidden, ignored);
}

std::vector<fs::path> StagedFolder::commit() {
  std::error_code ec;
  fs::create_directories(m_path, ec);  // a build that wrote nothing: nothing to move, still a folder
  std::vector<fs::path> written;
  for (const auto& entry : fs::directory_iterator(m_path, ec)) {
    written.push_back(m_target / entry.path().filename());
  }
  std::ranges::sort(written);
  if (!fs::exists(m_target, ec)) {
    fs::rename(m_path, m_target, ec);
    if (ec) {
      throw Error("cannot move the outputs into " + m_target.string() + ": " + ec.message());
    }
  } else {
    if (fs::path conflict = first_conflict(m_path, m_target); !conflict.empty()) {
      bool folder = fs::is_directory(fs::symlink_status(conflict, ec));
      throw InputError(conflict.string() + ": is " +
                       (folder ? "a folder where the build writes a file" : "a file where the build writes a folder") +
                       " (move it away, or build into another folder)");
    }
    move_into(m_path, m_target);
  }
  fs::remove_all(m_hidden, ec);
  return written;
}

}  // namespace recipe
