#include "generator/cargo/load.hpp"

#include <filesystem>
#include <functional>
#include <future>
#include <iostream>
#include <iterator>
#include <optional>

#include <spdlog/spdlog.h>

#include "generator/cargo/lockfile.hpp"
#include "generator/cargo/manifest.hpp"
#include "generator/cargo/metadata.hpp"
#include "generator/cargo/toolchain.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::cargo {

namespace {

std::vector<std::string> metadata_argv(const LoadOptions& opts) {
  std::vector<std::string> argv = {"cargo", "metadata", "--format-version", "1"};
  if (opts.manifest_path) {
    // Absolute: cargo runs in the manifest's folder (see load_inputs).
    argv.insert(argv.end(), {"--manifest-path", std::filesystem::absolute(*opts.manifest_path).string()});
  }
  if (opts.locked) {
    argv.push_back("--locked");
  }
  if (opts.offline) {
    argv.push_back("--offline");
  }
  if (opts.all_features) {
    argv.push_back("--all-features");
  }
  if (opts.no_default_features) {
    argv.push_back("--no-default-features");
  }
  for (const auto& feature : opts.features) {
    argv.insert(argv.end(), {"--features", feature});
  }
  for (const auto& platform : opts.filter_platforms) {
    argv.insert(argv.end(), {"--filter-platform", platform});
  }
  return argv;
}

std::string read_metadata(const LoadOptions& opts, ProcessRunner& runner, std::string& origin) {
  if (opts.metadata_file) {
    origin = *opts.metadata_file;
    if (origin == "-") {
      origin = "<stdin>";
      return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    }
    return read_file(*opts.metadata_file);
  }
  origin = "cargo metadata";
  RunOptions run_opts;
  run_opts.env = deterministic_env();
  if (opts.manifest_path) {
    run_opts.cwd = std::filesystem::absolute(*opts.manifest_path).parent_path();
  }
  ProcessResult result = runner.run(metadata_argv(opts), run_opts);
  if (result.exit_code != 0) {
    // cargo's first "error:" line says what went wrong; the lines after it are hints.
    std::string err = result.err;
    auto start = err.find("error: ");
    std::string message = err.substr(start == std::string::npos ? 0 : start + 7);
    message = message.substr(0, message.find('\n'));
    throw InputError("cargo metadata failed: " + message);
  }
  return result.out;
}

// What the files beside the workspace root say: the root manifest's profiles, Cargo.lock's checksums.
struct RootFiles {
  RootManifest manifest;
  std::optional<Lockfile> lock;
};

RootFiles read_root_files(const LoadOptions& opts, const std::string& workspace_root) {
  RootFiles files;
  std::filesystem::path root_manifest = opts.manifest_path && !opts.metadata_file
                                            ? std::filesystem::path(*opts.manifest_path)
                                            : std::filesystem::path(workspace_root) / "Cargo.toml";
  std::error_code ec;
  if (std::filesystem::is_regular_file(root_manifest, ec)) {
    files.manifest = parse_root_manifest(read_file(root_manifest), root_manifest.string());
  } else {
    spdlog::info("no root manifest at {}: default profiles apply", root_manifest.string());
  }
  std::filesystem::path lock_path = opts.lockfile ? std::filesystem::path(*opts.lockfile)
                                                  : std::filesystem::path(workspace_root) / "Cargo.lock";
  if (opts.lockfile || std::filesystem::is_regular_file(lock_path, ec)) {
    files.lock = parse_lockfile(read_file(lock_path), lock_path.string());
  } else {
    spdlog::info("no Cargo.lock at {}: registry packages are planned without checksums", lock_path.string());
  }
  return files;
}

}  // namespace

LoadedInputs load_inputs(const LoadOptions& opts, ProcessRunner& runner,
                         const std::function<std::string(std::string)>& transform_metadata) {
  LoadedInputs loaded;
  std::string text = read_metadata(opts, runner, loaded.metadata_origin);
  if (transform_metadata) {
    text = transform_metadata(std::move(text));
  }
  MetadataDocument metadata(text, loaded.metadata_origin);
  // The root manifest and Cargo.lock are read and parsed on another thread while the model is
  // built: they need only the workspace root. A bad metadata file is still reported first (the
  // future's destructor waits for the thread before the model's exception leaves).
  std::future<RootFiles> root_files =
      std::async(std::launch::async, read_root_files, std::cref(opts), std::cref(metadata.workspace_root()));
  loaded.workspace = std::make_unique<model::Workspace>(metadata.workspace());
  const model::Workspace& ws = *loaded.workspace;
  loaded.inputs.workspace = loaded.workspace.get();
  RootFiles files = root_files.get();
  loaded.inputs.manifest = std::move(files.manifest);
  if (files.lock) {
    loaded.inputs.checksums = match_lockfile(*files.lock, ws);
  }

  std::vector<std::string> targets;
  if (opts.target) {
    targets.push_back(*opts.target);
  }
  loaded.inputs.toolchain = opts.toolchain_file ? read_toolchain_file(*opts.toolchain_file)
                                                : query_local_toolchain(runner, targets);
  if (opts.target) {
    loaded.inputs.toolchain.cfg(*opts.target);  // fail early, naming the missing triple
  }
  return loaded;
}

}  // namespace recipe::cargo
