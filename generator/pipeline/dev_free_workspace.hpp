#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "generator/support/process.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::pipeline {

// A stand-in for a workspace as `cargo install --path/--git` resolves it: every manifest of the
// workspace without its dev-dependencies (install/install_manifest.hpp), everything else the
// workspace's own files through symlinks, at the same absolute path under a temporary folder (so
// path dependencies beside the workspace resolve too). cargo metadata run on it sees what cargo
// install resolves; `real_metadata` turns its paths back into the workspace's.
class DevFreeWorkspace {
 public:
  // The stand-in of the workspace rooted at `workspace_root` that holds `manifest`. With
  // `keep_lock` (install --locked) its Cargo.lock is copied, to be preferred as cargo install
  // prefers it; without, cargo resolves afresh as cargo install does. Throws InputError naming
  // a manifest that is not TOML, Error when the disk fails.
  DevFreeWorkspace(const std::filesystem::path& manifest, const std::filesystem::path& workspace_root, bool keep_lock);

  // The stand-in's copy of `manifest`, to give cargo metadata.
  const std::string& manifest_path() const { return m_manifest_path; }
  // The stand-in's Cargo.lock, which cargo metadata writes: the versions it resolved.
  std::string lockfile() const;
  // `metadata` (cargo metadata's JSON about the stand-in) naming the workspace's own files.
  std::string real_metadata(std::string metadata) const;

 private:
  std::unique_ptr<TempDir> m_scratch;
  std::filesystem::path m_root;  // the stand-in's workspace root
  std::string m_manifest_path;
};

// The root folder of the workspace that holds `manifest`, as `cargo locate-project --workspace`
// finds it. Throws InputError with cargo's reason when there is none.
std::filesystem::path workspace_root_of(const std::filesystem::path& manifest, ProcessRunner& processes);

}  // namespace recipe::pipeline
