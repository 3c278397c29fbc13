#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace recipe {

// Outputs written into a hidden sibling of `target` (".NAME.partial.PID/") and moved into
// `target` on `commit()`. Each staged entry replaces the entry of the same name in `target`; the
// other entries of an existing `target` stay as they are. Destroyed without commit (a failed
// build), it removes its own hidden folder and `target` is as it was; one a SIGKILL left (of a
// process that is gone) is removed by the next StagedFolder beside it.
class StagedFolder {
 public:
  // Throws InputError when `target` is "" or exists and is not a folder, Error when the hidden
  // folder cannot be made.
  explicit StagedFolder(const std::filesystem::path& target);
  ~StagedFolder();
  StagedFolder(const StagedFolder&) = delete;
  StagedFolder& operator=(const StagedFolder&) = delete;

  // Where the outputs go: a folder that does not exist yet, inside the hidden sibling.
  const std::filesystem::path& path() const { return m_path; }

  // Move what path() holds into the target (creating it if needed), remove the hidden folder,
  // and return the top-level paths written in the target, sorted. Throws InputError, having
  // moved nothing, when a staged entry meets an entry of the other kind (a file where a folder
  // is, or the reverse) in the target; Error when a move fails (the entries moved before it stay
  // moved, the others are removed with the hidden folder).
  std::vector<std::filesystem::path> commit();

 private:
  std::filesystem::path m_target;
  std::filesystem::path m_hidden;
  std::filesystem::path m_path;
};

}  // namespace recipe
