#include "generator/pipeline/vendor_index.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "generator/cargo/toml_document.hpp"
#include "generator/model/semver.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::pipeline {

namespace fs = std::filesystem;

VendorIndex::VendorIndex(std::vector<VendoredCrate> crates) {
  // In folder order, so that a clash names the same two folders whatever order they were listed in.
  std::ranges::sort(crates, {}, [](const VendoredCrate& c) { return c.folder.string(); });
  for (auto& crate : crates) {
    // try_emplace leaves `crate` as it is when the key is taken.
    auto [it, inserted] = m_crates.try_emplace(crate.name + "-" + crate.version, std::move(crate));
    if (!inserted) {
      throw InputError(it->second.folder.string() + " and " + crate.folder.string() + " both hold " + crate.name + " " +
                       crate.version + " (a vendor folder holds each crate version once: remove one)");
    }
  }
}

const VendoredCrate* VendorIndex::find(std::string_view name_version) const {
  auto it = m_crates.find(name_version);
  return it == m_crates.end() ? nullptr : &it->second;
}

std::vector<const VendoredCrate*> VendorIndex::versions_of(std::string_view name) const {
  std::vector<const VendoredCrate*> out;
  for (const auto& [key, crate] : m_crates) {
    if (crate.name == name) {
      out.push_back(&crate);
    }
  }
  return out;
}

std::pair<std::string, std::string> package_identity(std::string_view text, const std::string& origin) {
  toml::table manifest = cargo::parse_toml(text, origin);
  const toml::table* package = manifest["package"].as_table();
  if (package == nullptr) {
    package = manifest["project"].as_table();
  }
  if (package == nullptr) {
    throw InputError(origin + ":1:1: no [package] table (a vendor folder holds published crates, not workspaces)");
  }
  static const RE2 k_name("[A-Za-z0-9_-]+");
  const toml::node* name = package->get("name");
  const toml::node* version = package->get("version");
  if (name == nullptr || !name->is_string() || !RE2::FullMatch(name->as_string()->get(), k_name)) {
    throw InputError((name ? cargo::location_of(origin, *name) : origin + ":1:1") +
                     ": [package] has no valid name (a vendor folder holds published crates)");
  }
  if (version == nullptr || !version->is_string() || !model::Version::parse(version->as_string()->get())) {
    throw InputError((version ? cargo::location_of(origin, *version) : origin + ":1:1") +
                     ": [package] has no semver version (a vendor folder holds published crates, "
                     "whose manifests cargo normalised)");
  }
  return {name->as_string()->get(), version->as_string()->get()};
}

namespace {

// The sha256 a .cargo-checksum.json records for the .crate, or "" (absent, unreadable, or
// Debian's "Could not get crate checksum").
std::string recorded_checksum(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    return "";
  }
  try {
    auto sums = nlohmann::json::parse(read_file(file));
    std::string package = sums.is_object() && sums.contains("package") && sums["package"].is_string()
                              ? sums["package"].get<std::string>()
                              : "";
    return RE2::FullMatch(package, "[0-9a-f]{64}") ? package : "";
  } catch (const std::exception&) {
    return "";
  }
}

bool stays_inside(const fs::path& entry, const fs::path& root) {
  std::error_code ec;
  fs::path target = fs::canonical(entry, ec);
  if (ec) {
    return false;
  }
  auto relative = target.lexically_relative(root);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

VendorIndex read_vendor_index(const fs::path& dir) {
  std::error_code ec;
  fs::path root = fs::canonical(dir, ec);
  if (ec) {
    throw InputError("vendor folder " + dir.string() + ": " + ec.message() +
                     " (run cargo vendor, or on Debian apt-get install the librust-NAME-dev packages)");
  }
  std::vector<VendoredCrate> crates;
  fs::directory_iterator entries(root, ec);
  for (; !ec && entries != fs::directory_iterator(); entries.increment(ec)) {
    const fs::path& path = entries->path();
    std::string folder = path.filename().string();
    std::error_code entry_ec;
    if (folder.starts_with(".") || (entries->is_symlink(entry_ec) && !stays_inside(path, root))) {
      continue;
    }
    fs::path manifest = path / "Cargo.toml";
    if (!fs::is_regular_file(manifest, entry_ec)) {
      continue;
    }
    VendoredCrate crate;
    std::tie(crate.name, crate.version) = package_identity(read_file(manifest), (dir / folder / "Cargo.toml").string());
    crate.folder = dir / folder;
    crate.checksum = recorded_checksum(path / ".cargo-checksum.json");
    crates.push_back(std::move(crate));
  }
  if (ec) {
    throw InputError("vendor folder " + dir.string() + ": cannot list it: " + ec.message());
  }
  return VendorIndex(std::move(crates));
}

}  // namespace recipe::pipeline
