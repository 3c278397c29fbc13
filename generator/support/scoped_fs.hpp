#pragma once

#include <filesystem>
#include <string>

namespace recipe {

// A fresh directory under the system's temporary folder, removed with everything in it when
// the object goes. Throws Error when it cannot be created.
class TempDir {
 public:
  explicit TempDir(const std::string& stem);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

// Changes the working directory for its lifetime, and back afterwards, also on exceptions.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const std::filesystem::path& to);
  ~WorkingDirectory();
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;

 private:
  std::filesystem::path m_saved;
};

}  // namespace recipe
