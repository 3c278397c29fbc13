#include "cli/generate_command.hpp"

#include <filesystem>
#include <optional>

#include <spdlog/spdlog.h>

#include "cli/input_options.hpp"
#include "generator/emit/helper_file.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::cli {

namespace fs = std::filesystem;

namespace {

// The options of `generate` (a workspace) and `install` (a crate): one request either way.
struct RecipeCommandOptions {
  bool install = false;
  WorkspaceOptions workspace;  // generate
  std::string spec;            // install: NAME[@VERSION]
  install::InstallRequest install_request;
  pipeline::GenerateRequest request;
  std::optional<std::string> output;  // -o; "" is refused, not the default
};

// What every recipe command has: where the recipe goes and what it is built on and from.
void add_recipe_options(CLI::App& command, RecipeCommandOptions& opts) {
  command.add_option("-o,--output", opts.output,
                     "Write to FILE (- for stdout; default recipes/NAME@VERSION.Dockerfile)");
  command.add_option("--base-image", opts.request.base_image, "Image with the toolchain (pin it with @sha256:…)")
      ->capture_default_str();
  command
      .add_option("--runtime-base", opts.request.runtime_base,
                  "Debian image the runtime stage starts from (apt and dpkg, no toolchain needed)")
      ->capture_default_str();
  command.add_option("--dialect", opts.request.dialect, "portable (Docker 20.10, buildah) or modern (dockerfile:1.7)")
      ->check(CLI::IsMember({"portable", "modern"}))
      ->capture_default_str();
  command
      .add_option("--sources", opts.request.sources,
                  "registry (download crates, verified by checksum) or vendor=DIR (cargo vendor / Debian layout)")
      ->capture_default_str();
  command.add_option("--source-date-epoch", opts.request.source_date_epoch, "SOURCE_DATE_EPOCH inside every step")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  add_hint_options(command, opts.request.hints);
}

void add_generate_options(CLI::App& command, RecipeCommandOptions& opts) {
  add_workspace_options(command, opts.workspace);
  add_recipe_options(command, opts);
}

// cargo install's vocabulary: the shared options, then where the crate comes from.
void add_install_options(CLI::App& command, RecipeCommandOptions& opts) {
  opts.install = true;
  auto& crate = opts.install_request;
  command.add_option("crate", opts.spec, "NAME or NAME@VERSION (exact, or a requirement such as ~1.2)");
  add_lock_options(command, opts.request.load);
  add_feature_options(command, opts.request.load);
  add_target_selection_options(command, opts.request.plan, false);
  add_compile_options(command, opts.request.load, opts.request.plan);
  command.add_option("--git", crate.git, "Install from this git repository");
  command.add_option("--rev", crate.rev, "With --git: the commit");
  command.add_option("--tag", crate.tag, "With --git: the tag");
  command.add_option("--branch", crate.branch, "With --git: the branch");
  command.add_option("--path", crate.path, "Install the crate in this local folder");
  add_recipe_options(command, opts);
}

void finish(RecipeCommandOptions& opts) {
  if (!opts.install) {
    finish_workspace_options(opts.workspace);
    opts.request.load = opts.workspace.load;
    opts.request.plan = opts.workspace.plan;
  } else {
    install::check_request(opts.install_request, opts.spec);
    opts.request.install = opts.install_request;
  }
  pipeline::finish_request(opts.request);
}

// Write the recipe to `output` and the helper it copies beside it, each atomically; the helper
// first, and only when it changes, so that a recipe is never left naming a helper not there.
// On stdout or a device the recipe goes alone: its helper is already wherever it is built from.
void write_recipe(const std::string& output, const std::string& text) {
  std::error_code ec;
  if (output.empty() || output == "-" || (fs::exists(output, ec) && !fs::is_regular_file(output, ec))) {
    spdlog::info("{}: written without its helper ({} must be in the build context)", output,
                 emit::k_helper_context_path);
    write_output(output, text);
    return;
  }
  const emit::Helper& helper = emit::builtin_helper();
  const fs::path beside = fs::path(output).parent_path() / emit::k_helper_file_name;
  AtomicFile recipe(output);
  recipe.write(text);
  if (!fs::is_regular_file(beside, ec) || read_file(beside) != helper.text) {
    AtomicFile helper_file(beside);
    helper_file.write(helper.text);
    helper_file.commit();
    spdlog::info("wrote {}", beside.string());
  }
  recipe.commit();
}

void run_recipe_command(RecipeCommandOptions& opts) {
  finish(opts);
  SubprocessRunner processes;
  pipeline::GeneratedRecipe recipe = pipeline::generate_recipe(opts.request, processes);
  std::string output = opts.output.value_or(recipe.default_output);
  write_recipe(output, recipe.text);
  if (output != "-") {
    spdlog::info("wrote {} ({} units)", output, recipe.units);
    if (opts.install) {
      // How to build it: the context a path or git crate is copied from, and the vendor folder.
      const auto& crate = opts.install_request;
      std::string build = "cargo-recipe build " + output;
      if (crate.path) {
        build += " --context " + *crate.path;
      } else if (crate.git) {
        build += " --context CHECKOUT (a checkout of " + *crate.git + " at the recorded --rev)";
      }
      if (opts.request.sources.starts_with("vendor=")) {
        build += " --vendor " + opts.request.sources.substr(7);
      }
      std::cerr << "cargo-recipe: wrote " << output << " (" << recipe.units << " units); build it with: " << build
                << " -o bin/\n";
    }
  }
}

}  // namespace

void add_generate_command(CLI::App& app) {
  auto opts = std::make_shared<RecipeCommandOptions>();
  CLI::App* command =
      app.add_subcommand("generate", "Write the recipe: a multi-stage Dockerfile with one stage per unit");
  add_generate_options(*command, *opts);
  command->callback([opts] { run_recipe_command(*opts); });
}

void add_install_command(CLI::App& app) {
  auto opts = std::make_shared<RecipeCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "install", "Write the recipe that packages a crate's binaries into a scratch image (cargo install, as a recipe)");
  add_install_options(*command, *opts);
  command->callback([opts] { run_recipe_command(*opts); });
}

}  // namespace recipe::cli
