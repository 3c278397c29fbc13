#include "generator/install/adopt.hpp"

#include <algorithm>
#include <filesystem>

#include "generator/support/error.hpp"

namespace recipe::install {

namespace fs = std::filesystem;

namespace {

bool has_bins(const model::Package& pkg) {
  return std::ranges::any_of(pkg.targets, [](const model::Target& t) { return t.is_bin(); });
}

bool same_folder(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

model::Package* find_package(model::Workspace& workspace, const InstallRequest& request,
                             const std::string& manifest_path) {
  std::vector<model::Package*> candidates;
  for (const auto& id : workspace.members) {
    model::Package& pkg = workspace.packages[workspace.index_by_id.at(id)];
    if (!request.name.empty() ? pkg.name == request.name : has_bins(pkg)) {
      candidates.push_back(&pkg);
    }
  }
  // `--path DIR` of a member of a larger workspace means the package in DIR, as for cargo install.
  if (request.name.empty() && request.path) {
    std::string dir = fs::path(manifest_path).parent_path().string();
    for (const auto& id : workspace.members) {
      model::Package& pkg = workspace.packages[workspace.index_by_id.at(id)];
      if (same_folder(pkg.manifest_dir, dir)) {
        return &pkg;
      }
    }
  }
  if (candidates.size() == 1) {
    return candidates.front();
  }
  std::string names;
  for (const model::Package* pkg : candidates) {
    names += (names.empty() ? "" : ", ") + pkg->name;
  }
  if (candidates.empty()) {
    if (!request.name.empty()) {
      throw InputError("no package \"" + request.name + "\" in " + (request.git ? *request.git : *request.path));
    }
    throw InputError(std::string("no package with binaries in ") + (request.git ? *request.git : *request.path));
  }
  throw InputError("several packages with binaries (" + names + "): name the one to install, e.g. " +
                   candidates.front()->name);
}

}  // namespace

const model::Package& adopt_package(model::Workspace& workspace, std::map<std::string, std::string>& checksums,
                                    const InstallRequest& request, const AcquiredCrate& crate,
                                    const std::string& manifest_path) {
  model::Package& pkg = *find_package(workspace, request, manifest_path);
  if (!has_bins(pkg)) {
    throw InputError(pkg.key + " has no binaries to install (cargo install needs a [[bin]] target or src/main.rs)");
  }
  if (crate.from_vendor) {
    pkg.source.kind = model::Source::Kind::registry;
    pkg.source.url = "registry+https://github.com/rust-lang/crates.io-index";
    pkg.source.relative_path.clear();
    if (!crate.checksum.empty()) {
      checksums[pkg.id] = crate.checksum;
    }
  }
  return pkg;
}

}  // namespace recipe::install
