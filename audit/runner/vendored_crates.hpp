#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "generator/pipeline/vendor_index.hpp"

namespace recipe::runner {

// Where the crates a recipe copies from its vendor folder ("DIR/NAME-VERSION") are on disk,
// found by what each folder's Cargo.toml says, as cargo's directory source finds them.
class VendoredCrates {
 public:
  // `vendor`: the folder given with --vendor or recorded in the recipe; without one, the
  // workspace's vendor/. Inside `workspace` it is named by its relative path in the recipe, outside
  // it is "vendor" (as `generate --sources vendor=DIR` names it).
  VendoredCrates(const std::filesystem::path& workspace, const std::optional<std::filesystem::path>& vendor);

  // The folder holding the crate the context path `source` names, or nullopt when `source` is not
  // "DIR/NAME-VERSION". The folder is read on first use. Throws InputError when `source` names a
  // crate the vendor folder lacks, or the folder is unreadable or holds a crate twice.
  std::optional<std::filesystem::path> locate(const std::string& source);

 private:
  std::string m_prefix;  // "vendor/", or the folder's path in the workspace and "/"
  std::filesystem::path m_dir;
  std::optional<pipeline::VendorIndex> m_index;
};

}  // namespace recipe::runner
