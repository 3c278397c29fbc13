#include "cli/build_command.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include <spdlog/spdlog.h>

#include "cli/build_target.hpp"
#include "cli/recipe_context.hpp"
#include "audit/runner/build_context.hpp"
#include "audit/runner/helper_context.hpp"
#include "audit/runner/engine.hpp"
#include "audit/runner/retrying_build.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::cli {

namespace fs = std::filesystem;

namespace {

struct BuildOptions {
  std::string recipe;
  std::string output = "bin";
  std::string runner;
  std::string context;  // "": what the recipe's header records
  std::string vendor;   // "": what the recipe's header records
  std::string target = "binaries";
  std::string tag;  // "": files into -o, unless the target is the runtime image
  bool no_cache = false;
  int retries = 2;  // builds again after an engine-internal failure
};

void run_build(const BuildOptions& opts) {
  std::string recipe = read_file(opts.recipe);
  const BuildTarget target = build_target(recipe, opts.recipe, opts.target, opts.tag);
  // Stage exactly the files the recipe copies: the engine sees nothing else of the machine.
  // Unless told, build from what the recipe's header says it was generated from.
  std::string workspace = opts.context;
  std::string vendor_dir = opts.vendor;
  if (workspace.empty() || vendor_dir.empty()) {
    RecipeContext from_header = recipe_context(opts.recipe);
    workspace = workspace.empty() ? from_header.context : workspace;
    vendor_dir = vendor_dir.empty() ? from_header.vendor : vendor_dir;
  }
  TempDir context("cargo-recipe-context");
  std::optional<fs::path> vendor;
  if (!vendor_dir.empty()) {
    vendor = fs::path(vendor_dir);
  }
  runner::stage_context(runner::context_sources(recipe, opts.recipe), workspace, vendor, context.path());
  runner::stage_helper(recipe, opts.recipe, context.path());

  SubprocessRunner processes;
  std::unique_ptr<runner::Engine> engine = runner::find_engine(opts.runner, processes);
  std::cerr << "cargo-recipe: building " << opts.recipe << " (target " << opts.target << ") with " << engine->version()
            << "\n";

  // Build into a sibling folder and rename: a failed build leaves -o as it was.
  fs::path output = fs::absolute(opts.output);
  fs::path partial = output;
  partial += ".partial." + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(partial, ec);
  runner::BuildRequest request;
  request.dockerfile = fs::absolute(opts.recipe).string();
  request.context = context.path().string();
  request.target = opts.target;
  if (target.image) {
    request.tag = target.image;
  } else {
    request.output_dir = partial.string();
  }
  request.no_cache = opts.no_cache;
  runner::RetryPolicy retry;
  retry.retries = opts.retries;
  retry.what = opts.recipe;
  retry.on_retry = [](const std::string& line) { std::cerr << line << "\n"; };
  try {
    runner::build_retrying(*engine, request, retry);
  } catch (const EngineError&) {
    fs::remove_all(partial, ec);
    throw;
  }
  if (target.image) {
    std::cout << *target.image << "\n";
    return;
  }
  fs::remove_all(output, ec);
  fs::rename(partial, output, ec);
  if (ec) {
    throw Error("cannot move the binaries into " + output.string() + ": " + ec.message());
  }
  for (const auto& entry : fs::directory_iterator(output)) {
    std::cout << (output / entry.path().filename()).string() << "\n";
  }
}

}  // namespace

void add_build_command(CLI::App& app) {
  auto opts = std::make_shared<BuildOptions>();
  CLI::App* command = app.add_subcommand("build", "Build a recipe's binaries with BuildKit (docker) or buildah");
  command->add_option("recipe", opts->recipe, "The recipe (a Dockerfile written by generate)")->required();
  command->add_option("-o,--output", opts->output, "Folder for the binaries (replaced on success)")->capture_default_str();
  command->add_option("--runner", opts->runner, "docker or buildah (default: the first that works)")
      ->check(CLI::IsMember({"docker", "buildah"}));
  command->add_option("--context", opts->context,
                      "The workspace root the recipe was generated from (default: what its header records)");
  command->add_option("--vendor", opts->vendor, "Where vendor/NAME-VERSION crates come from (e.g. /usr/share/cargo/registry)");
  command->add_option("--target", opts->target, "Stage to build (runtime: an image that runs the binaries)")
      ->capture_default_str();
  command->add_option("--tag", opts->tag,
                      "Load the stage as this image instead of writing files to -o (runtime: cargo-recipe-runtime/STEM)");
  command->add_flag("--no-cache", opts->no_cache, "Build every step again");
  command->add_option("--retries", opts->retries,
                      "Builds again, from the engine's cache, after a failure inside the engine (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  command->callback([opts] { run_build(*opts); });
}

}  // namespace recipe::cli
