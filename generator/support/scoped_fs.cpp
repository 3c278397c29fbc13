#include "generator/support/scoped_fs.hpp"

#include <stdlib.h>

#include "generator/support/error.hpp"

namespace recipe {

namespace fs = std::filesystem;

TempDir::TempDir(const std::string& stem) {
  std::string pattern = (fs::temp_directory_path() / (stem + ".XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw Error("cannot create a temporary directory in " + fs::temp_directory_path().string());
  }
  m_path = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(m_path, ignored);
}

WorkingDirectory::WorkingDirectory(const fs::path& to) : m_saved(fs::current_path()) {
  fs::current_path(to);
}

WorkingDirectory::~WorkingDirectory() {
  std::error_code ignored;
  fs::current_path(m_saved, ignored);
}

}  // namespace recipe
