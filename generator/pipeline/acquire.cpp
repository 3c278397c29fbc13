#include "generator/pipeline/acquire.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>
#include <re2/re2.h>

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

// The versions of `name` in a vendor folder (NAME-VERSION entries), by version.
std::map<std::string, fs::path> vendored_versions(const fs::path& dir, const std::string& name) {
  std::map<std::string, fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string folder = entry.path().filename().string();
    if (!folder.starts_with(name + "-") || !fs::exists(entry.path() / "Cargo.toml")) {
      continue;
    }
    std::string version = folder.substr(name.size() + 1);
    if (model::Version::parse(version)) {
      found.emplace(version, entry.path());
    }
  }
  if (ec) {
    throw InputError("--sources vendor=" + dir.string() + ": cannot list the folder: " + ec.message());
  }
  return found;
}

// cargo install's rule: a bare version must be exact, an operator makes it a requirement.
bool is_requirement(const std::string& version) {
  return !version.empty() && std::string("^~=<>*").find(version.front()) != std::string::npos;
}

AcquiredCrate from_vendor(const InstallRequest& request, const fs::path& vendor) {
  std::map<std::string, fs::path> versions = vendored_versions(vendor, request.name);
  if (versions.empty()) {
    throw InputError("no crate \"" + request.name + "\" in " + vendor.string() +
                     " (on Debian: apt-get install librust-" + request.name + "-dev; elsewhere: cargo vendor)");
  }
  std::optional<model::VersionReq> req;
  if (!request.version.empty()) {
    std::string text = is_requirement(request.version) ? request.version : "=" + request.version;
    if (!is_requirement(request.version) && !RE2::FullMatch(request.version, R"([0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?)")) {
      throw InputError("\"" + request.version + "\" is not an exact version (write MAJOR.MINOR.PATCH, or a "
                       "requirement such as ~" + request.version + ")");
    }
    req = model::VersionReq::parse(text);
  }
  const std::pair<const std::string, fs::path>* best = nullptr;
  std::string there;
  for (const auto& entry : versions) {
    there += (there.empty() ? "" : ", ") + entry.first;
    model::Version v = *model::Version::parse(entry.first);
    if ((!req || req->matches(v)) && (best == nullptr || v.compare(*model::Version::parse(best->first)) > 0)) {
      best = &entry;
    }
  }
  if (best == nullptr) {
    throw InputError("no version of \"" + request.name + "\" matching \"" + request.version + "\" in " + vendor.string() +
                     " (there: " + there + ")");
  }
  AcquiredCrate crate;
  crate.from_vendor = true;
  crate.scratch = std::make_unique<TempDir>("cargo-recipe-install");
  fs::path copy = crate.scratch->path() / best->second.filename();
  fs::copy(best->second, copy, fs::copy_options::recursive);
  // cargo install ignores a crate's Cargo.lock unless --locked; without one, --locked cannot hold.
  bool has_lock = fs::exists(copy / "Cargo.lock");
  if (request.locked && !has_lock) {
    throw InputError(request.name + "@" + best->first + " ships no Cargo.lock, so --locked cannot be honoured " +
                     "(drop --locked to resolve its dependencies from " + vendor.string() + ")");
  }
  if (!request.locked && has_lock) {
    fs::remove(copy / "Cargo.lock");
  }
  fs::create_directories(copy / ".cargo");
  write_output((copy / ".cargo" / "config.toml").string(),
               "[source.crates-io]\nreplace-with = \"vendor\"\n\n[source.vendor]\ndirectory = " +
                   nlohmann::json(fs::absolute(vendor).string()).dump() + "\n\n[net]\noffline = true\n");
  crate.manifest_path = (copy / "Cargo.toml").string();
  // A vendor folder's .cargo-checksum.json records the .crate's sha256 (Debian's says it cannot).
  try {
    auto sums = nlohmann::json::parse(read_file(best->second / ".cargo-checksum.json"));
    std::string package = sums.value("package", "");
    if (RE2::FullMatch(package, "[0-9a-f]{64}")) {
      crate.checksum = package;
    }
  } catch (const std::exception&) {
    // No checksum: the recipe can still copy the crate from the vendor folder.
  }
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
  std::string ref = request.rev ? *request.rev : request.tag ? "refs/tags/" + *request.tag
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
  throw InputError("installing \"" + request.name + "\" from crates.io needs the network, which cargo-recipe does not " +
                   "use: give --sources vendor=DIR (cargo vendor, or Debian's /usr/share/cargo/registry), " +
                   "--path DIR or --git URL");
}

}  // namespace recipe::pipeline
