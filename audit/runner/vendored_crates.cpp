#include "audit/runner/vendored_crates.hpp"

#include <re2/re2.h>

#include "generator/support/error.hpp"

namespace recipe::runner {

namespace fs = std::filesystem;

VendoredCrates::VendoredCrates(const fs::path& workspace, const std::optional<fs::path>& vendor) {
  fs::path root = fs::absolute(workspace).lexically_normal();
  m_dir = vendor ? fs::absolute(*vendor).lexically_normal() : root / "vendor";
  fs::path relative = m_dir.lexically_relative(root);
  bool inside = !relative.empty() && *relative.begin() != ".." && relative != ".";
  m_prefix = (inside ? relative.generic_string() : std::string("vendor")) + "/";
}

std::optional<fs::path> VendoredCrates::locate(const std::string& source) {
  if (!source.starts_with(m_prefix) || source.find('/', m_prefix.size()) != std::string::npos) {
    return std::nullopt;
  }
  std::string name_version = source.substr(m_prefix.size());
  static const RE2 k_name_version(R"([A-Za-z0-9_-]+-[0-9]+\.[0-9]+\.[0-9]+([-+].*)?)");
  if (!RE2::FullMatch(name_version, k_name_version)) {
    return std::nullopt;
  }
  if (!m_index) {
    m_index = pipeline::read_vendor_index(m_dir);
  }
  if (const pipeline::VendoredCrate* crate = m_index->find(name_version)) {
    return crate->folder;
  }
  throw InputError("build context: \"" + source + "\": no folder of " + m_dir.string() + " holds " + name_version +
                   " (folders are matched by their Cargo.toml's name and version; run cargo vendor again, "
                   "or pass --vendor DIR)");
}

}  // namespace recipe::runner
