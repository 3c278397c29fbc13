#include "generator/pipeline/path_sources.hpp"

#include <algorithm>
#include <filesystem>

#include "generator/support/error.hpp"

namespace recipe::pipeline {

namespace fs = std::filesystem;

namespace {

// Whether `dir` (relative to the workspace root) is, or contains, the directory of another
// path package.
bool holds_other_package(const std::string& dir, const std::set<std::string>& package_dirs) {
  return std::ranges::any_of(package_dirs, [&dir](const std::string& other) {
    return other == dir || other.starts_with(dir + "/");
  });
}

}  // namespace

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
