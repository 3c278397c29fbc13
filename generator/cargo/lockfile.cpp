#include "generator/cargo/lockfile.hpp"

#include "generator/cargo/toml_document.hpp"

#include "generator/support/error.hpp"

namespace recipe::cargo {

namespace {

std::string required_string(const toml::table& entry, const char* key, const std::string& origin) {
  const toml::node* node = entry.get(key);
  if (node == nullptr) {
    throw InputError(location_of(origin, entry) + ": [[package]] has no \"" + key +
                     "\" field (regenerate with cargo generate-lockfile)");
  }
  if (!node->is_string()) {
    throw InputError(location_of(origin, *node) + ": \"" + key + "\" must be a string");
  }
  return node->as_string()->get();
}

int detect_version(const toml::table& doc, const std::string& origin) {
  if (const toml::node* node = doc.get("version")) {
    if (!node->is_integer()) {
      throw InputError(location_of(origin, *node) + ": \"version\" must be an integer");
    }
    int64_t version = node->as_integer()->get();
    if (version < 1 || version > 4) {
      throw InputError(location_of(origin, *node) + ": unknown lockfile version " + std::to_string(version) +
                       " (this tool reads versions 1 to 4; regenerate with an older cargo or upgrade cargo-recipe)");
    }
    return static_cast<int>(version);
  }
  // Versions 1 and 2 carry no number: version 1 keeps its checksums in a [metadata] table.
  return doc.contains("metadata") ? 1 : 2;
}

// Version 1 lockfiles keep checksums as `"checksum NAME VERSION (SOURCE)" = "HASH"` in [metadata].
void read_v1_checksums(const toml::table& doc, Lockfile& lock) {
  const toml::table* metadata = doc.get_as<toml::table>("metadata");
  if (metadata == nullptr) {
    return;
  }
  for (const auto& [key, value] : *metadata) {
    std::string_view text = key.str();
    if (!text.starts_with("checksum ") || !value.is_string()) {
      continue;
    }
    text.remove_prefix(9);
    auto space = text.find(' ');
    auto paren = text.find(" (");
    if (space == std::string_view::npos || paren == std::string_view::npos || !text.ends_with(")")) {
      continue;
    }
    std::string name(text.substr(0, space));
    std::string version(text.substr(space + 1, paren - space - 1));
    std::string source(text.substr(paren + 2, text.size() - paren - 3));
    auto [first, last] = lock.packages.equal_range({name, version});
    for (auto it = first; it != last; ++it) {
      if (it->second.source == source && value.as_string()->get() != "<none>") {
        it->second.checksum = value.as_string()->get();
      }
    }
  }
}

}  // namespace

const LockedPackage* Lockfile::find(const std::string& name, const std::string& version,
                                    const std::string& source_prefix) const {
  auto [first, last] = packages.equal_range({name, version});
  for (auto it = first; it != last; ++it) {
    if (it->second.source.starts_with(source_prefix)) {
      return &it->second;
    }
  }
  return nullptr;
}

Lockfile parse_lockfile(std::string_view text, const std::string& origin) {
  toml::table doc = parse_toml(text, origin);
  Lockfile lock;
  lock.origin = origin;
  lock.version = detect_version(doc, origin);
  const toml::node* packages = doc.get("package");
  if (packages == nullptr) {
    return lock;
  }
  const toml::array* list = packages->as_array();
  if (list == nullptr) {
    throw InputError(location_of(origin, *packages) + ": \"package\" must be an array of tables ([[package]])");
  }
  for (const auto& node : *list) {
    const toml::table* entry = node.as_table();
    if (entry == nullptr) {
      throw InputError(location_of(origin, node) + ": each [[package]] must be a table");
    }
    LockedPackage pkg;
    pkg.name = required_string(*entry, "name", origin);
    pkg.version = required_string(*entry, "version", origin);
    pkg.source = optional_string(*entry, "source", origin);
    pkg.checksum = optional_string(*entry, "checksum", origin);
    pkg.line = static_cast<int>(entry->source().begin.line);
    lock.packages.emplace(std::make_pair(pkg.name, pkg.version), std::move(pkg));
  }
  if (lock.version == 1) {
    read_v1_checksums(doc, lock);
  }
  return lock;
}

std::map<std::string, std::string> match_lockfile(const Lockfile& lock, const model::Workspace& ws) {
  std::map<std::string, std::string> checksums;
  for (const auto& pkg : ws.packages) {
    if (pkg.source.kind == model::Source::Kind::path) {
      continue;
    }
    const LockedPackage* locked = lock.find(pkg.name, pkg.version);
    if (locked == nullptr) {
      throw InputError(lock.origin + ": disagrees with the metadata: package \"" + pkg.name + "\" " + pkg.version +
                       " is not locked (regenerate both with the same cargo: cargo generate-lockfile)");
    }
    if (pkg.source.kind == model::Source::Kind::git) {
      auto hash = locked->source.rfind('#');
      std::string rev = hash == std::string::npos ? "" : locked->source.substr(hash + 1);
      if (rev != pkg.source.rev) {
        throw InputError(lock.origin + ":" + std::to_string(locked->line) +
                         ": disagrees with the metadata: git package \"" + pkg.name + "\" is locked at \"" + rev +
                         "\" but the metadata has \"" + pkg.source.rev + "\"");
      }
    }
    if (!locked->checksum.empty()) {
      checksums[pkg.id] = locked->checksum;
    }
  }
  return checksums;
}

}  // namespace recipe::cargo
