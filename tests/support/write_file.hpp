#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace recipe::testing {

// Write `text` to `file`, creating its folders: how tests lay out a tree on disk.
inline void write_file(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

}  // namespace recipe::testing
