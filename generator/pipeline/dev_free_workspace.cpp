#include "generator/pipeline/dev_free_workspace.hpp"

#include "generator/install/install_manifest.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::pipeline {

namespace fs = std::filesystem;

namespace {

// Folders cargo never reads manifests from: build output and version control.
bool skipped(const fs::path& name) {
  return name == "target" || name == ".git";
}

void check(const std::error_code& ec, const fs::path& path, const char* what) {
  if (ec) {
    throw Error("cannot " + std::string(what) + " " + path.string() + ": " + ec.message());
  }
}

void link_to(const fs::path& target, const fs::path& link) {
  std::error_code ec;
  fs::create_symlink(target, link, ec);
  check(ec, link, "create the symlink");
}

// Whether a Cargo.toml lies anywhere below `dir`, symlinks not followed.
bool holds_manifest(const fs::path& dir) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec) && skipped(it->path().filename())) {
      it.disable_recursion_pending();
    } else if (it->path().filename() == "Cargo.toml" && !it->is_symlink(ec)) {
      return true;
    }
  }
  return false;
}

// `to` mirrors `from`: manifests rewritten, folders holding manifests recreated, the rest linked.
void mirror(const fs::path& from, const fs::path& to, bool keep_lock, bool at_root) {
  std::error_code ec;
  fs::create_directories(to, ec);
  check(ec, to, "create");
  for (const fs::directory_entry& entry : fs::directory_iterator(from, ec)) {
    const fs::path name = entry.path().filename();
    const bool real_dir = entry.is_directory(ec) && !entry.is_symlink(ec);
    if (real_dir && skipped(name)) {
      continue;
    }
    if (name == "Cargo.toml" && entry.is_regular_file(ec) && !entry.is_symlink(ec)) {
      write_output((to / name).string(),
                   install::without_dev_dependencies(read_file(entry.path()), entry.path().string()));
    } else if (at_root && name == "Cargo.lock") {
      // A copy, never a link: cargo metadata rewrites it.
      if (keep_lock) {
        fs::copy_file(entry.path(), to / name, ec);
        check(ec, to / name, "copy");
      }
    } else if (real_dir && holds_manifest(entry.path())) {
      mirror(entry.path(), to / name, keep_lock, false);
    } else {
      link_to(entry.path(), to / name);
    }
  }
  check(ec, from, "list");
}

}  // namespace

DevFreeWorkspace::DevFreeWorkspace(const fs::path& manifest, const fs::path& workspace_root, bool keep_lock)
    : m_scratch(std::make_unique<TempDir>("cargo-recipe-install-resolve")) {
  std::error_code ec;
  const fs::path root = fs::canonical(workspace_root, ec);
  check(ec, workspace_root, "resolve");
  const fs::path real_manifest = fs::canonical(manifest, ec);
  check(ec, manifest, "resolve");
  m_root = m_scratch->path() / root.relative_path();
  // Each folder above the root: its other entries linked, so that `../sibling` paths still resolve.
  fs::path from = root.root_path();
  for (const fs::path& part : root.relative_path()) {
    const fs::path to = m_scratch->path() / from.relative_path();
    fs::create_directories(to, ec);
    check(ec, to, "create");
    for (const fs::directory_entry& entry : fs::directory_iterator(from, ec)) {
      if (entry.path().filename() != part) {
        link_to(entry.path(), to / entry.path().filename());
      }
    }
    from /= part;
  }
  mirror(root, m_root, keep_lock, true);
  m_manifest_path = (m_scratch->path() / real_manifest.relative_path()).string();
}

fs::path workspace_root_of(const fs::path& manifest, ProcessRunner& processes) {
  RunOptions opts;
  opts.env = deterministic_env();
  opts.cwd = fs::absolute(manifest).parent_path();
  ProcessResult r = processes.run({"cargo", "locate-project", "--workspace", "--message-format", "plain",
                                   "--manifest-path", fs::absolute(manifest).string()},
                                  opts);
  std::string out = r.out.substr(0, r.out.find('\n'));
  if (r.exit_code != 0 || out.empty()) {
    std::string err = r.err.substr(0, r.err.find_last_not_of("\n ") + 1);
    err = err.substr(err.rfind('\n') == std::string::npos ? 0 : err.rfind('\n') + 1);
    throw InputError(manifest.string() + ": cargo finds no workspace for it: " + err);
  }
  return fs::path(out).parent_path();
}

std::string DevFreeWorkspace::lockfile() const {
  return (m_root / "Cargo.lock").string();
}

std::string DevFreeWorkspace::real_metadata(std::string metadata) const {
  // The temporary folder's name is random, so it occurs nowhere else in the text.
  const std::string prefix = m_scratch->path().string();
  for (size_t at = metadata.find(prefix); at != std::string::npos; at = metadata.find(prefix, at)) {
    metadata.erase(at, prefix.size());
  }
  return metadata;
}

}  // namespace recipe::pipeline
