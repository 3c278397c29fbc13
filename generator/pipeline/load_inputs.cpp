#include "generator/pipeline/load_inputs.hpp"

#include <filesystem>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>

#include <spdlog/spdlog.h>

#include "generator/cargo/lockfile.hpp"
#include "generator/cargo/manifest.hpp"
#include "generator/cargo/metadata.hpp"
#include "generator/cargo/validate.hpp"
#include "generator/pipeline/read_toolchain.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::pipeline {

// The parsers this edge feeds.
using cargo::Lockfile;
using cargo::match_lockfile;
using cargo::parse_metadata;
using cargo::parse_lockfile;
using cargo::parse_root_manifest;
using cargo::validate_lockfile;
using cargo::validate_workspace;
using model::RootManifest;

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

// Metadata that is not in a file: from stdin (`--metadata -`) or from running cargo.
std::string read_metadata_stream(const LoadOptions& opts, ProcessRunner& runner, std::string& origin) {
  if (opts.metadata_file) {
    origin = "<stdin>";
    return read_stream(std::cin, k_metadata_limit, origin);
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

// The root manifest (for its profiles) at the workspace root, or where --manifest-path points.
RootManifest read_root_manifest(const LoadOptions& opts, const std::string& workspace_root) {
  std::filesystem::path path = opts.manifest_path && !opts.metadata_file
                                   ? std::filesystem::path(*opts.manifest_path)
                                   : std::filesystem::path(workspace_root) / "Cargo.toml";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    spdlog::info("no root manifest at {}: default profiles apply", path.string());
    return {};
  }
  return parse_root_manifest(read_file(path), path.string());
}

// Cargo.lock (for its checksums) as --lockfile names it, else at the workspace root if there is one.
std::optional<Lockfile> read_lockfile(const LoadOptions& opts, const std::string& workspace_root) {
  std::filesystem::path path = opts.lockfile ? std::filesystem::path(*opts.lockfile)
                                             : std::filesystem::path(workspace_root) / "Cargo.lock";
  std::error_code ec;
  if (!opts.lockfile && !std::filesystem::is_regular_file(path, ec)) {
    spdlog::info("no Cargo.lock at {}: registry packages are planned without checksums", path.string());
    return std::nullopt;
  }
  return parse_lockfile(read_file(path), path.string());
}

}  // namespace

LoadedInputs load_inputs(const LoadOptions& opts, ProcessRunner& runner,
                         const std::function<std::string(std::string)>& transform_metadata) {
  // Errors are reported in the order metadata, root manifest, lockfile.
  LoadedInputs loaded;
  std::string text;
  if (opts.metadata_file && *opts.metadata_file != "-") {
    loaded.metadata_origin = *opts.metadata_file;
    text = read_file(*opts.metadata_file, k_metadata_limit);
  } else {
    text = read_metadata_stream(opts, runner, loaded.metadata_origin);
  }
  if (transform_metadata) {
    text = transform_metadata(std::move(text));
  }
  loaded.workspace = std::make_unique<model::Workspace>(parse_metadata(text, loaded.metadata_origin));
  const std::string& root = loaded.workspace->workspace_root;
  // The input edge: nothing cargo would not accept goes further.
  validate_workspace(*loaded.workspace);
  loaded.inputs.workspace = loaded.workspace.get();
  loaded.inputs.manifest = read_root_manifest(opts, root);
  if (std::optional<Lockfile> lockfile = read_lockfile(opts, root)) {
    validate_lockfile(*lockfile);
    loaded.inputs.checksums = match_lockfile(*lockfile, *loaded.workspace);
  }

  loaded.inputs.toolchain = opts.toolchain_file ? read_toolchain_file(*opts.toolchain_file)
                                                : query_local_toolchain(runner, opts.targets);
  // Fail early, naming the missing triple and the file that lacks it.
  for (const auto& triple : opts.targets) {
    try {
      loaded.inputs.toolchain.cfg(triple);
    } catch (const InputError& e) {
      throw InputError(opts.toolchain_file ? *opts.toolchain_file + ": " + e.what() : e.what());
    }
  }
  return loaded;
}

}  // namespace recipe::pipeline
