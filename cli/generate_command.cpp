#include "cli/generate_command.hpp"

#include <algorithm>
#include <optional>

#include <spdlog/spdlog.h>

#include "cli/input_options.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "generator/support/short_run_memory.hpp"

namespace recipe::cli {

namespace {

// The options of `generate` (a workspace) and `install` (a crate): one request either way.
struct RecipeCommandOptions {
  bool install = false;
  WorkspaceOptions workspace;  // generate
  std::string spec;            // install: NAME[@VERSION]
  install::InstallRequest install_request;
  emit::GenerateRequest request;
  std::optional<std::string> output;  // -o; "" is refused, not the default
};

// The words after the program name, minus where the output went: what regenerates the recipe.
// Packages added through the environment are written as options, so that the recipe's header
// regenerates it wherever it runs.
std::vector<std::string> regenerate_words(const std::vector<std::string>& argv, const hints::HintOptions& hints) {
  std::vector<std::string> words = {"cargo-recipe"};
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg == "-o" || arg == "--output") {
      ++i;
      continue;
    }
    if (arg.starts_with("--output=") || arg == "-v" || arg == "-vv" || arg == "--verbose") {
      continue;
    }
    words.push_back(arg);
  }
  auto given = [&argv](const std::string& option) {
    return std::ranges::any_of(argv, [&option](const std::string& arg) { return arg == option || arg.starts_with(option + "="); });
  };
  if (!hints.add_apt.empty() && !given("--add-apt")) {
    words.push_back("--add-apt=" + hints.add_apt);
  }
  if (!hints.add_apk.empty() && !given("--add-apk")) {
    words.push_back("--add-apk=" + hints.add_apk);
  }
  return words;
}

// What every recipe command has: where the recipe goes and what it is built on and from.
void add_recipe_options(CLI::App& command, RecipeCommandOptions& opts) {
  command.add_option("-o,--output", opts.output, "Write to FILE (- for stdout; default recipes/NAME@VERSION.Dockerfile)");
  command.add_option("--base-image", opts.request.base_image, "Image with the toolchain (pin it with @sha256:…)")
      ->capture_default_str();
  command.add_option("--dialect", opts.request.dialect, "portable (Docker 20.10, buildah) or modern (dockerfile:1.7)")
      ->check(CLI::IsMember({"portable", "modern"}))
      ->capture_default_str();
  command.add_option("--sources", opts.request.sources,
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

// cargo install's vocabulary.
void add_install_options(CLI::App& command, RecipeCommandOptions& opts) {
  opts.install = true;
  auto& load = opts.request.load;
  auto& plan = opts.request.plan;
  auto& crate = opts.install_request;
  add_feature_options(command, load);
  command.add_option("crate", opts.spec, "NAME or NAME@VERSION (exact, or a requirement such as ~1.2)");
  command.add_option("--bin", plan.bins, "Install only this binary (repeatable; default: every binary)")
      ->allow_extra_args(false);
  command.add_flag("--bins", plan.bins_only, "Install every binary (the default)");
  command.add_option("--git", crate.git, "Install from this git repository");
  command.add_option("--rev", crate.rev, "With --git: the commit");
  command.add_option("--tag", crate.tag, "With --git: the tag");
  command.add_option("--branch", crate.branch, "With --git: the branch");
  command.add_option("--path", crate.path, "Install the crate in this local folder");
  command.add_flag("--locked", crate.locked, "Use the crate's own Cargo.lock");
  command.add_option("--profile", plan.profile, "Cargo profile")->capture_default_str();
  add_recipe_options(command, opts);
}

void finish(RecipeCommandOptions& opts) {
  if (!opts.install) {
    finish_workspace_options(opts.workspace);
    opts.request.load = opts.workspace.load;
    opts.request.plan = opts.workspace.plan;
    return;
  }
  install::check_request(opts.install_request, opts.spec);
  auto& load = opts.request.load;
  auto& plan = opts.request.plan;
  plan.features = load.features;
  plan.all_features = load.all_features;
  plan.no_default_features = load.no_default_features;
  if (opts.install_request.path) {
    // The crate's folder is the workspace: the moved-workspace audit moves it like any other.
    load.manifest_path = (std::filesystem::path(*opts.install_request.path) / "Cargo.toml").string();
  }
  opts.request.install = opts.install_request;
}

void run_recipe_command(RecipeCommandOptions& opts, const std::vector<std::string>& argv) {
  keep_freed_memory_in_process();
  finish(opts);
  opts.request.command = regenerate_words(argv, opts.request.hints);
  SubprocessRunner processes;
  emit::GeneratedRecipe recipe = emit::generate_recipe(opts.request, processes);
  std::string output = opts.output.value_or(recipe.default_output);
  write_output(output, recipe.text);
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

void add_generate_command(CLI::App& app, std::shared_ptr<const std::vector<std::string>> argv) {
  auto opts = std::make_shared<RecipeCommandOptions>();
  CLI::App* command = app.add_subcommand("generate", "Write the recipe: a multi-stage Dockerfile with one stage per unit");
  add_generate_options(*command, *opts);
  command->callback([opts, argv] { run_recipe_command(*opts, *argv); });
}

void add_install_command(CLI::App& app, std::shared_ptr<const std::vector<std::string>> argv) {
  auto opts = std::make_shared<RecipeCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "install", "Write the recipe that packages a crate's binaries into a scratch image (cargo install, as a recipe)");
  add_install_options(*command, *opts);
  command->callback([opts, argv] { run_recipe_command(*opts, *argv); });
}

emit::GenerateRequest parse_generate_command(const std::vector<std::string>& words, const std::string& origin) {
  if (words.size() < 2 || words[0] != "cargo-recipe" || (words[1] != "generate" && words[1] != "install")) {
    throw InputError(origin + ": the recorded command is not \"cargo-recipe generate ...\" or \"cargo-recipe install ...\"");
  }
  CLI::App parser;
  RecipeCommandOptions opts;
  if (words[1] == "install") {
    add_install_options(parser, opts);
  } else {
    add_generate_options(parser, opts);
  }
  // The recorded words are the whole truth: no CARGO_RECIPE_ADD_* of whoever checks may add to them.
  for (const char* option : {"--add-apt", "--add-apk"}) {
    parser.get_option(option)->envname("");
  }
  std::vector<std::string> args(words.rbegin(), words.rend() - 2);  // CLI11 takes a reversed vector
  try {
    parser.parse(args);
  } catch (const CLI::ParseError& e) {
    throw InputError(origin + ": cannot read the recorded command: " + e.what());
  }
  finish(opts);
  opts.request.command = words;
  return opts.request;
}

}  // namespace recipe::cli
