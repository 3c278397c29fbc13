#include "generator/pipeline/acquire.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <spdlog/spdlog.h>

#include "generator/pipeline/vendor_index.hpp"
#include "generator/install/install_manifest.hpp"
#include "generator/model/semver.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::pipeline {

namespace fs = std::filesystem;
using install::AcquiredCrate;
using install::InstallRequest;

namespace {

std::string last_line(const std::string& text) {
  std::string trimmed = text.substr(0, text.find_last_not_of("\n ") + 1);
  size_t eol = trimmed.rfind('\n');
  return eol == std::string::npos ? trimmed : trimmed.substr(eol + 1);
}

// cargo install's rule: a bare version must be exact, an operator makes it a requirement.
bool is_requirement(const std::string& version) {
  return !version.empty() && std::string("^~=<>*").find(version.front()) != std::string::npos;
}

AcquiredCrate from_vendor(const InstallRequest& request, const fs::path& vendor) {
  pipeline::VendorIndex index = pipeline::read_vendor_index(vendor);
  std::vector<const VendoredCrate*> versions = index.versions_of(request.name);
  if (versions.empty()) {
    throw InputError("no crate \"" + request.name + "\" in " + vendor.string() +
                     " (on Debian: apt-get install librust-" + request.name + "-dev; elsewhere: cargo vendor)");
  }
  std::optional<model::VersionReq> req;
  if (!request.version.empty()) {
    std::string text = is_requirement(request.version) ? request.version : "=" + request.version;
    if (!is_requirement(request.version) &&
        !RE2::FullMatch(request.version, R"([0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?)")) {
      throw InputError("\"" + request.version +
                       "\" is not an exact version (write MAJOR.MINOR.PATCH, or a "
                       "requirement such as ~" +
                       request.version + ")");
    }
    req = model::VersionReq::parse(text);
  }
  const VendoredCrate* best = nullptr;
  std::set<std::string> there;
  for (const VendoredCrate* candidate : versions) {
    there.insert(candidate->version);
    model::Version v = *model::Version::parse(candidate->version);
    if ((!req || req->matches(v)) && (best == nullptr || v.compare(*model::Version::parse(best->version)) > 0)) {
      best = candidate;
    }
  }
  if (best == nullptr) {
    std::string listed;
    for (const auto& version : there) {
      listed += (listed.empty() ? "" : ", ") + version;
    }
    throw InputError("no version of \"" + request.name + "\" matching \"" + request.version + "\" in " +
                     vendor.string() + " (there: " + listed + ")");
  }
  AcquiredCrate crate;
  crate.from_vendor = true;
  crate.scratch = std::make_unique<TempDir>("cargo-recipe-install");
  fs::path copy = crate.scratch->path() / (best->name + "-" + best->version);
  // Symlinks stay links: a vendor folder from a pull request may link to anywhere on the host.
  fs::copy(best->folder, copy, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  // cargo install resolves with the crate's own Cargo.lock only under --locked (as the versions to
  // prefer, never checked), and without one it warns and resolves afresh.
  bool has_lock = fs::exists(copy / "Cargo.lock");
  if (request.locked && !has_lock) {
    spdlog::warn("{}@{} ships no Cargo.lock: --locked resolves its dependencies afresh, as cargo install does",
                 best->name, best->version);
  }
  if (!request.locked && has_lock) {
    fs::remove(copy / "Cargo.lock");
  }
  // cargo install never resolves dev-dependencies: a crate whose tests need crates the vendor
  // folder lacks still installs.
  const fs::path manifest = copy / "Cargo.toml";
  write_output(manifest.string(),
               install::without_dev_dependencies(read_file(manifest), (best->folder / "Cargo.toml").string()));
  fs::create_directories(copy / ".cargo");
  write_output((copy / ".cargo" / "config.toml").string(),
               "[source.crates-io]\nreplace-with = \"vendor\"\n\n[source.vendor]\ndirectory = " +
                   nlohmann::json(fs::absolute(vendor).string()).dump() + "\n\n[net]\noffline = true\n");
  crate.manifest_path = manifest.string();
  crate.checksum = best->checksum;
  return crate;
}

AcquiredCrate from_git(const InstallRequest& request, ProcessRunner& processes) {
  AcquiredCrate crate;
  crate.scratch = std::make_unique<TempDir>("cargo-recipe-install-git");
  fs::path checkout = crate.scratch->path() / "checkout";
  ProcessResult clone = processes.run({"git", "clone", "--quiet", "--", *request.git, checkout.string()}, {});
  if (clone.exit_code != 0) {
    throw InputError("--git " + *request.git + ": git clone failed: " + last_line(clone.err));
  }
  std::string ref = request.rev      ? *request.rev
                    : request.tag    ? "refs/tags/" + *request.tag
                    : request.branch ? "refs/remotes/origin/" + *request.branch
                                     : "HEAD";
  ProcessResult co = processes.run({"git", "-C", checkout.string(), "checkout", "--quiet", "--detach", ref}, {});
  if (co.exit_code != 0) {
    throw InputError("--git " + *request.git + ": no commit \"" + ref + "\" there: " + last_line(co.err));
  }
  ProcessResult head = processes.run({"git", "-C", checkout.string(), "rev-parse", "HEAD"}, {});
  crate.git_commit = head.out.substr(0, head.out.find('\n'));
  crate.manifest_path = (checkout / "Cargo.toml").string();
  if (!fs::exists(crate.manifest_path)) {
    throw InputError("--git " + *request.git + ": no Cargo.toml at the root of the repository");
  }
  return crate;
}

}  // namespace

AcquiredCrate acquire(const InstallRequest& request, const std::string& sources, ProcessRunner& processes) {
  if (request.path) {
    AcquiredCrate crate;
    crate.manifest_path = (fs::path(*request.path) / "Cargo.toml").string();
    if (!fs::exists(crate.manifest_path)) {
      throw InputError("--path " + *request.path + ": no Cargo.toml there (give the folder of the crate to install)");
    }
    return crate;
  }
  if (request.git) {
    return from_git(request, processes);
  }
  if (sources.starts_with("vendor=")) {
    return from_vendor(request, sources.substr(7));
  }
  throw InputError("installing \"" + request.name +
                   "\" from crates.io needs the network, which cargo-recipe does not " +
                   "use: give --sources vendor=DIR (cargo vendor, or Debian's /usr/share/cargo/registry), " +
                   "--path DIR or --git URL");
}

}  // namespace recipe::pipeline
