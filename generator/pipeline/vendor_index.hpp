#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace recipe::pipeline {

// One crate of a vendor folder, as cargo's directory source sees it: what its Cargo.toml says,
// not what its folder is called.
struct VendoredCrate {
  std::string name;
  std::string version;  // as the manifest writes it, build metadata ("+zstd.1.5.2") included
  std::filesystem::path folder;
  std::string checksum;  // .cargo-checksum.json "package": the .crate's sha256; "" when absent (Debian)
};

// The crates of a vendor folder by name and version. Any layout: Debian's (NAME-VERSION with
// build metadata dropped), `cargo vendor` (NAME, NAME-VERSION for the older duplicates),
// `cargo vendor --versioned-dirs` (NAME-VERSION), or a mix.
class VendorIndex {
 public:
  VendorIndex() = default;
  // Index `crates`. Throws InputError naming both folders when two hold the same name and version.
  explicit VendorIndex(std::vector<VendoredCrate> crates);

  // The crate whose "NAME-VERSION" (the recipe's name for it) is `name_version`, or nullptr.
  const VendoredCrate* find(std::string_view name_version) const;
  // Every version of the crate `name`, in folder-name order.
  std::vector<const VendoredCrate*> versions_of(std::string_view name) const;
  size_t size() const { return m_crates.size(); }

 private:
  std::map<std::string, VendoredCrate, std::less<>> m_crates;  // by NAME-VERSION
};

// The [package] (or legacy [project]) name and version of the manifest `text`. Throws InputError
// "origin:line:col: ..." when it does not parse or lacks a valid crate name or semver version.
std::pair<std::string, std::string> package_identity(std::string_view text, const std::string& origin);

// Read `dir` as cargo's directory source does: every entry not starting with '.' that holds a
// Cargo.toml is a crate; its .cargo-checksum.json, where present, gives the checksum. Symbolic
// links are followed only when they stay inside `dir`. Throws InputError when `dir` cannot be
// listed, a manifest is not a package, or two folders hold one crate.
VendorIndex read_vendor_index(const std::filesystem::path& dir);

}  // namespace recipe::pipeline
