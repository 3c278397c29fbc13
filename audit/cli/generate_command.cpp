#include "audit/cli/generate_command.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "audit/cli/input_options.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::cli {

namespace {

struct GenerateOptions {
  WorkspaceOptions workspace;
  emit::GenerateRequest request;
  std::string output;
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

void add_options(CLI::App& command, GenerateOptions& opts) {
  add_workspace_options(command, opts.workspace);
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

void finish(GenerateOptions& opts) {
  finish_workspace_options(opts.workspace);
  opts.request.load = opts.workspace.load;
  opts.request.plan = opts.workspace.plan;
}

void run_generate(GenerateOptions& opts, const std::vector<std::string>& argv) {
  finish(opts);
  opts.request.command = regenerate_words(argv, opts.request.hints);
  SubprocessRunner processes;
  emit::GeneratedRecipe recipe = emit::generate_recipe(opts.request, processes);
  std::string output = opts.output.empty() ? recipe.default_output : opts.output;
  write_output(output, recipe.text);
  if (output != "-") {
    spdlog::info("wrote {} ({} units)", output, recipe.units);
  }
}

}  // namespace

void add_generate_command(CLI::App& app, std::shared_ptr<const std::vector<std::string>> argv) {
  auto opts = std::make_shared<GenerateOptions>();
  CLI::App* command = app.add_subcommand("generate", "Write the recipe: a multi-stage Dockerfile with one stage per unit");
  add_options(*command, *opts);
  command->callback([opts, argv] { run_generate(*opts, *argv); });
}

emit::GenerateRequest parse_generate_command(const std::vector<std::string>& words, const std::string& origin) {
  if (words.size() < 2 || words[0] != "cargo-recipe" || words[1] != "generate") {
    throw InputError(origin + ": the recorded command is not \"cargo-recipe generate ...\"");
  }
  CLI::App parser;
  GenerateOptions opts;
  add_options(parser, opts);
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
