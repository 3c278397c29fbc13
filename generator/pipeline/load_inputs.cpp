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
#include "generator/support/printable.hpp"

namespace recipe::pipeline {

// The parsers this edge feeds.
using cargo::Lockfile;
using cargo::match_lockfile;
using cargo::parse_lockfile;
using cargo::parse_metadata;
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

// How cargo metadata is run for `opts`.
Command metadata_command(const LoadOptions& opts) {
  Command command{metadata_argv(opts), {}};
  command.opts.env = deterministic_env();
  if (opts.manifest_path) {
    command.opts.cwd = std::filesystem::absolute(*opts.manifest_path).parent_path();
  }
  return command;
}

// cargo metadata's output, or an InputError with cargo's own reason.
std::string metadata_output(const ProcessResult& result) {
  if (result.exit_code != 0) {
    // cargo's first "error:" line says what went wrong; the lines after it are hints.
    const std::string& err = result.err;
    auto start = err.find("error: ");
    std::string message = err.substr(start == std::string::npos ? 0 : start + 7);
    message = message.substr(0, message.find('\n'));
    throw InputError("cargo metadata failed: " + printable(message));
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
  std::filesystem::path path =
      opts.lockfile ? std::filesystem::path(*opts.lockfile) : std::filesystem::path(workspace_root) / "Cargo.lock";
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
  // Answers of the local rustc, asked while cargo metadata runs (both take a while; neither
  // needs the other).
  std::optional<std::vector<ProcessResult>> rustc_answers;
  if (opts.metadata_file && *opts.metadata_file != "-") {
    loaded.metadata_origin = *opts.metadata_file;
    text = read_file(*opts.metadata_file, k_metadata_limit);
  } else if (opts.metadata_file) {
    loaded.metadata_origin = "<stdin>";
    text = read_stream(std::cin, k_metadata_limit, loaded.metadata_origin);
  } else {
    loaded.metadata_origin = "cargo metadata";
    std::vector<Command> commands = {metadata_command(opts)};
    if (!opts.toolchain_file) {
      std::vector<Command> questions = local_toolchain_questions(opts.targets);
      commands.insert(commands.end(), questions.begin(), questions.end());
    }
    std::vector<ProcessResult> results = runner.run_together(commands);
    text = metadata_output(results.front());
    if (!opts.toolchain_file) {
      rustc_answers.emplace(results.begin() + 1, results.end());
    }
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

  if (opts.toolchain_file) {
    loaded.inputs.toolchain = read_toolchain_file(*opts.toolchain_file);
  } else if (rustc_answers) {
    loaded.inputs.toolchain = toolchain_from_answers(*rustc_answers, opts.targets);
  } else {
    loaded.inputs.toolchain = query_local_toolchain(runner, opts.targets);
  }
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
