#include "audit/cli/generate_command.hpp"

#include <filesystem>

#include <spdlog/spdlog.h>

#include "audit/cli/input_options.hpp"
#include "generator/emit/path_sources.hpp"
#include "generator/emit/recipe_inputs.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::cli {

namespace fs = std::filesystem;

namespace {

struct GenerateOptions {
  WorkspaceOptions workspace;
  std::string output;
  std::string base_image = "cargo-recipe/rust-base:bookworm";
  std::string dialect = "portable";
  std::string sources = "registry";
  std::string source_date_epoch = "0";
};

// recipes/NAME@VERSION.Dockerfile: the root package, or for a virtual workspace the folder's name
// and the selected members' version.
std::string default_output(const model::Workspace& ws, const plan::Plan& plan) {
  if (ws.root_package) {
    return "recipes/" + ws.package(*ws.root_package).key + ".Dockerfile";
  }
  std::string name = fs::path(ws.workspace_root).filename().string();
  std::string version = plan.roots.empty() ? "0.0.0" : plan.units[plan.roots.front()].package->version;
  return "recipes/" + name + "@" + version + ".Dockerfile";
}

emit::SourceOptions parse_sources(const std::string& text, const model::Workspace& ws, std::set<std::string>& skip) {
  emit::SourceOptions sources;
  if (text == "registry") {
    return sources;
  }
  if (!text.starts_with("vendor=") || text.size() == 7) {
    throw InputError("--sources \"" + text + "\": expected \"registry\" or \"vendor=DIR\"");
  }
  sources.mode = emit::SourceOptions::Mode::vendor;
  fs::path dir = fs::absolute(text.substr(7)).lexically_normal();
  fs::path relative = dir.lexically_relative(ws.workspace_root);
  // A vendor folder inside the workspace is part of the build context as it is; one outside
  // (a Debian registry, say) is staged into the context as vendor/ by `cargo-recipe build`.
  if (!relative.empty() && !relative.string().starts_with("..")) {
    sources.vendor_context_dir = relative.generic_string();
    skip.insert(sources.vendor_context_dir);
  }
  return sources;
}

// The words after the program name, minus where the output went: what regenerates the recipe.
std::vector<std::string> regenerate_words(const std::vector<std::string>& argv) {
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
  return words;
}

void run_generate(GenerateOptions& opts, const std::vector<std::string>& argv) {
  finish_workspace_options(opts.workspace);
  SubprocessRunner runner;
  // Inputs → plan → recipe; only the listing of members' files touches the disk here.
  cargo::LoadedInputs loaded = cargo::load_inputs(opts.workspace.load, runner);
  plan::Plan plan = plan::make_plan(loaded.inputs, opts.workspace.plan);
  std::string output = opts.output.empty() ? default_output(*loaded.workspace, plan) : opts.output;

  emit::RecipeInputs inputs;
  inputs.plan = &plan;
  inputs.base_image = opts.base_image;
  inputs.dialect = emit::Dialect::parse(opts.dialect);
  std::set<std::string> skip = {"recipes"};
  inputs.sources = parse_sources(opts.sources, *loaded.workspace, skip);
  inputs.path_package_entries = emit::list_path_package_entries(*loaded.workspace, plan, skip);
  inputs.regenerate_command = regenerate_words(argv);
  inputs.source_date_epoch = opts.source_date_epoch;
  std::string recipe = emit::render_dockerfile(inputs);
  write_output(output, recipe);
  if (output != "-") {
    spdlog::info("wrote {} ({} units)", output, plan.units.size());
  }
}

}  // namespace

void add_generate_command(CLI::App& app, std::shared_ptr<const std::vector<std::string>> argv) {
  auto opts = std::make_shared<GenerateOptions>();
  CLI::App* command = app.add_subcommand("generate", "Write the recipe: a multi-stage Dockerfile with one stage per unit");
  add_workspace_options(*command, opts->workspace);
  command->add_option("-o,--output", opts->output,
                      "Write to FILE (- for stdout; default recipes/NAME@VERSION.Dockerfile)");
  command->add_option("--base-image", opts->base_image, "Image with the toolchain (pin it with @sha256:…)")
      ->capture_default_str();
  command->add_option("--dialect", opts->dialect, "portable (Docker 20.10, buildah) or modern (dockerfile:1.7)")
      ->check(CLI::IsMember({"portable", "modern"}))
      ->capture_default_str();
  command->add_option("--sources", opts->sources,
                      "registry (download crates, verified by checksum) or vendor=DIR (cargo vendor / Debian layout)")
      ->capture_default_str();
  command->add_option("--source-date-epoch", opts->source_date_epoch, "SOURCE_DATE_EPOCH inside every step")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command->callback([opts, argv] { run_generate(*opts, *argv); });
}

}  // namespace recipe::cli
