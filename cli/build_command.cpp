#include "cli/build_command.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <spdlog/spdlog.h>

#include "cli/build_target.hpp"
#include "cli/recipe_context.hpp"
#include "audit/runner/build_context.hpp"
#include "audit/runner/helper_context.hpp"
#include "audit/runner/engine.hpp"
#include "audit/runner/retrying_build.hpp"
#include "audit/runner/watched_build.hpp"
#include "cli/build_explain.hpp"
#include "cli/build_state.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"
#include "generator/support/staged_folder.hpp"

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
  int retries = 2;          // builds again after an engine-internal failure
  std::optional<int> jobs;  // steps at once (buildah); unset: the engine's default
  std::string progress = "auto";
  std::string log;  // "": in the build's state folder
  bool explain = false;
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

  // Build into a hidden sibling folder and move the outputs in: a failed build leaves -o as it
  // was, and files of -o the build does not write stay.
  std::optional<StagedFolder> staged;
  if (!target.image) {
    staged.emplace(opts.output);
  }
  const fs::path output = fs::absolute(opts.output).lexically_normal();
  runner::BuildRequest request;
  request.dockerfile = fs::absolute(opts.recipe).string();
  request.context = context.path().string();
  request.target = opts.target;
  if (target.image) {
    request.tag = target.image;
  } else {
    request.output_dir = staged->path().string();
  }
  request.no_cache = opts.no_cache;
  request.jobs = opts.jobs;
  runner::RetryPolicy retry;
  retry.retries = opts.retries;
  retry.what = opts.recipe;
  retry.on_retry = [](const std::string& line) { std::cerr << line << "\n"; };
  // The engine's log goes to a file; stderr shows the units as they finish, and the summary.
  BuildState state = build_state(opts.recipe, output, opts.target);
  // Under --explain only (it runs cargo metadata and rustc here): what the recipe stands for now,
  // kept for the next build --explain (before the build: the sources as staged).
  std::optional<std::string> plan_now;
  if (opts.explain) {
    plan_now = recipe_plan_json(opts.recipe, recipe, processes);
  }
  fs::path log_path = opts.log.empty() ? state.folder / "build.log" : fs::path(opts.log);
  std::ofstream log(log_path, std::ios::trunc);
  if (!log) {
    throw Error("cannot write the build log " + log_path.string() + " (choose another with --log)");
  }
  auto started = std::chrono::steady_clock::now();
  runner::BuildWatcher watcher(
      runner::read_recipe_units(recipe, opts.target), runner::engine_log(engine->name(), opts.jobs),
      runner::progress_mode(opts.progress, stderr), stderr,
      [started] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); });
  try {
    runner::build_watched(*engine, request, retry, watcher, log, stderr);
  } catch (const EngineError&) {
    std::cerr << "cargo-recipe: the engine's log is in " << log_path.string() << "\n";
    throw;
  }
  std::string outputs;  // where the outputs went, for the summary
  if (target.image) {
    std::cout << *target.image << "\n";
    outputs = "image " + *target.image;
  } else {
    for (const auto& written : staged->commit()) {
      std::cout << written.string() << "\n";
    }
    outputs = output.string();
  }
  std::cerr << runner::render_summary(watcher.status(), watcher.elapsed(),
                                      outputs + " (log: " + log_path.string() + ")");
  std::error_code ec;
  if (opts.explain) {
    std::optional<std::string> plan_before;
    if (fs::exists(state.previous_plan(), ec)) {
      plan_before = read_file(state.previous_plan());
    }
    std::cerr << explain_build(watcher.status(), plan_before, plan_now, fs::exists(state.previous_recipe(), ec));
  }
  write_output(state.previous_recipe().string(), recipe);
  if (plan_now) {
    write_output(state.previous_plan().string(), *plan_now);
  } else {
    fs::remove(state.previous_plan(), ec);  // a plan of an older build would explain this one wrongly
  }
}

}  // namespace

void add_build_command(CLI::App& app) {
  auto opts = std::make_shared<BuildOptions>();
  CLI::App* command = app.add_subcommand("build", "Build a recipe's binaries with BuildKit (docker) or buildah");
  command->add_option("recipe", opts->recipe, "The recipe (a Dockerfile written by generate)")->required();
  command->add_option("-o,--output", opts->output, "Folder for the binaries (written on success; its other files stay)")
      ->capture_default_str();
  command->add_option("--runner", opts->runner, "docker or buildah (default: the first that works)")
      ->check(CLI::IsMember({"docker", "buildah"}));
  command->add_option("--context", opts->context,
                      "The workspace root the recipe was generated from (default: what its header records)");
  command->add_option("--vendor", opts->vendor,
                      "Where vendor/NAME-VERSION crates come from (e.g. /usr/share/cargo/registry)");
  command->add_option("--target", opts->target, "Stage to build (runtime: an image that runs the binaries)")
      ->capture_default_str();
  command->add_option(
      "--tag", opts->tag,
      "Load the stage as this image instead of writing files to -o (runtime: cargo-recipe-runtime/STEM)");
  command->add_flag("--no-cache", opts->no_cache, "Build every step again");
  command
      ->add_option("-j,--jobs", opts->jobs,
                   "Steps to run at once (buildah; docker's daemon decides its own; default: the engine's)")
      ->check(CLI::Range(1, 1024));
  command
      ->add_option("--retries", opts->retries,
                   "Builds again, from the engine's cache, after a failure inside the engine (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  command
      ->add_option("--progress", opts->progress,
                   "auto (tty on a terminal, else plain), tty (live lines), plain (a line per unit) or quiet")
      ->check(CLI::IsMember({"auto", "tty", "plain", "quiet"}))
      ->capture_default_str();
  command->add_flag("--explain", opts->explain,
                    "After the build, say why each unit built (not cached) was: its change against the previous "
                    "successful build of the same output, as `explain` says it");
  command->add_option("--log", opts->log,
                      "Write the engine's log to FILE (default: build.log in the build's state folder)");
  command->callback([opts] { run_build(*opts); });
}

}  // namespace recipe::cli
