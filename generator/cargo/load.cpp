#include "generator/cargo/load.hpp"

#include <filesystem>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>

#include <spdlog/spdlog.h>

#include "generator/cargo/lockfile.hpp"
#include "generator/cargo/manifest.hpp"
#include "generator/cargo/metadata.hpp"
#include "generator/cargo/toolchain.hpp"
#include "generator/cargo/validate.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/beside.hpp"
#include "generator/support/error.hpp"
#include "generator/support/padded_file.hpp"

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

// Metadata that is not in a file: from stdin (`--metadata -`) or from running cargo.
std::string read_metadata_stream(const LoadOptions& opts, ProcessRunner& runner, std::string& origin) {
  if (opts.metadata_file) {
    origin = "<stdin>";
    return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
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
  // Cargo.lock (a third of the reading, toml++ being slow) is parsed on the helper thread while
  // the metadata is: from the start when --lockfile names it, else as soon as the metadata gives
  // the workspace root. Errors are still reported in the order metadata, manifest, lockfile: the
  // lockfile's outcome is taken last, and Beside's destructor waits for the work before an
  // earlier exception leaves (it is declared after what the work writes to).
  std::optional<Lockfile> lockfile;
  std::string lockfile_root;  // where Cargo.lock is looked for without --lockfile
  std::optional<Beside> lock;
  auto start_reading_lockfile = [&] {
    lock.emplace(run_beside([&] { lockfile = read_lockfile(opts, lockfile_root); }));
  };
  if (opts.lockfile) {
    start_reading_lockfile();
  }
  LoadedInputs loaded;
  // A metadata file is parsed where it is mapped; cargo's output, stdin and transformed text
  // from memory.
  std::optional<PaddedFile> file;
  std::string text;
  if (opts.metadata_file && *opts.metadata_file != "-") {
    loaded.metadata_origin = *opts.metadata_file;
    file.emplace(*opts.metadata_file);
  } else {
    text = read_metadata_stream(opts, runner, loaded.metadata_origin);
  }
  if (transform_metadata) {
    text = transform_metadata(file ? std::string(file->text()) : std::move(text));
    file.reset();
  }
  MetadataDocument metadata(file ? JsonText(file->text(), file->padding()) : JsonText(text), loaded.metadata_origin);
  const std::string& root = metadata.workspace_root();
  if (!lock) {
    lockfile_root = root;
    start_reading_lockfile();
  }
  loaded.workspace = std::make_unique<model::Workspace>(metadata.workspace());
  // The input edge: nothing cargo would not accept goes further.
  validate_workspace(*loaded.workspace);
  loaded.inputs.workspace = loaded.workspace.get();
  loaded.inputs.manifest = read_root_manifest(opts, root);
  lock->finish();
  if (lockfile) {
    validate_lockfile(*lockfile);
    loaded.inputs.checksums = match_lockfile(*lockfile, *loaded.workspace);
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
