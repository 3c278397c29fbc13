#include "generator/pipeline/path_sources.hpp"

#include <algorithm>
#include <filesystem>

#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "generator/support/hash.hpp"

namespace recipe::pipeline {

namespace fs = std::filesystem;

namespace {

// Whether `dir` (relative to the workspace root) is, or contains, the directory of another
// path package.
bool holds_other_package(const std::string& dir, const std::set<std::string>& package_dirs) {
  return std::ranges::any_of(package_dirs,
                             [&dir](const std::string& other) { return other == dir || other.starts_with(dir + "/"); });
}

// Add `path` (under `root`, named `relative`) to `h`: a file's contents, a symlink's target, a
// folder's entries in name order.
void hash_entry(Hasher& h, const fs::path& path, const std::string& relative) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(path, ec);
  if (fs::is_symlink(status)) {
    h.field("symlink", relative).field("to", fs::read_symlink(path, ec).string());
  } else if (fs::is_directory(status)) {
    std::vector<std::string> names;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      names.push_back(it->path().filename().string());
    }
    std::ranges::sort(names);
    for (const auto& name : names) {
      hash_entry(h, path / name, relative + "/" + name);
    }
  } else if (fs::is_regular_file(status)) {
    h.field("file", relative).field("xxh3", xxh3_128_hex(read_file(path)));
  }
  if (ec) {
    throw Error(path.string() + ": cannot read for the source digest: " + ec.message());
  }
}

}  // namespace

std::map<std::string, std::string> digest_path_package_sources(
    const model::Workspace& ws, const std::map<std::string, std::vector<std::string>>& entries) {
  std::map<std::string, std::string> digests;
  for (const auto& pkg : ws.packages) {
    auto listed = entries.find(pkg.key);
    if (listed == entries.end()) {
      continue;
    }
    Hasher h;
    for (const auto& name : listed->second) {
      hash_entry(h, fs::path(pkg.manifest_dir) / name, name);
    }
    digests.emplace(pkg.key, h.hex_digest());
  }
  return digests;
}

std::map<std::string, std::vector<std::string>> list_path_package_entries(const model::Workspace& ws,
                                                                          const plan::Plan& plan,
                                                                          const std::set<std::string>& skip) {
  std::set<std::string> package_dirs;
  for (const auto& pkg : ws.packages) {
    if (pkg.source.kind == model::Source::Kind::path) {
      package_dirs.insert(pkg.source.relative_path);
    }
  }
  std::map<std::string, std::vector<std::string>> entries;
  for (const auto& unit : plan.units) {
    const model::Package& pkg = *unit.package;
    if (pkg.source.kind != model::Source::Kind::path || entries.contains(pkg.key)) {
      continue;
    }
    std::vector<std::string>& list = entries[pkg.key];
    std::error_code ec;
    for (fs::directory_iterator it(pkg.manifest_dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      std::string relative = pkg.source.relative_path.empty() ? name : pkg.source.relative_path + "/" + name;
      if (name.starts_with(".") || name == "target" || name == "Cargo.lock" || skip.contains(relative) ||
          (it->is_directory() && holds_other_package(relative, package_dirs))) {
        continue;
      }
      list.push_back(name);
    }
    if (ec) {
      throw Error(pkg.manifest_dir + ": cannot list the package's files: " + ec.message());
    }
    std::ranges::sort(list);
  }
  return entries;
}

}  // namespace recipe::pipeline
