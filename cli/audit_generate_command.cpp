#include "cli/audit_subcommands.hpp"

#include <filesystem>
#include <iostream>
#include <set>

#include "cli/recipe_context.hpp"
#include "cli/report_outputs.hpp"
#include "audit/regenerate/regeneration_audit.hpp"
#include "generator/emit/helper_file.hpp"
#include "generator/pipeline/recipe_header.hpp"
#include "generator/pipeline/request_paths.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "generator/support/process.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::cli {

namespace fs = std::filesystem;

namespace {

struct AuditGenerateOptions {
  std::vector<std::string> paths = {"recipes"};
  bool check = false;
  int runs = 1;
  uint32_t seed = 1;
  std::vector<std::string> perturbations;
  ReportOutputs outputs;
};

// The recipes named: files as they are, folders for their *.Dockerfile, sorted.
std::vector<fs::path> recipe_files(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const auto& entry : fs::directory_iterator(path)) {
        if (entry.path().extension() == ".Dockerfile") {
          files.push_back(entry.path());
        }
      }
    } else if (fs::exists(path, ec)) {
      files.emplace_back(path);
    } else {
      throw InputError(path + ": no such recipe or folder");
    }
  }
  std::ranges::sort(files);
  if (files.empty()) {
    throw InputError("no recipes (*.Dockerfile) found in the given paths");
  }
  return files;
}

void run_audit_generate(const AuditGenerateOptions& opts) {
  report::Report report;
  report.kind = "generate";
  SubprocessRunner processes;
  regenerate::Generator generator = regenerate::real_generator(processes);
  std::set<fs::path> folders;
  for (const fs::path& file : recipe_files(opts.paths)) {
    const std::string label = file.string();
    const std::string text = read_file(file);
    pipeline::GenerateRequest request = pipeline::read_request(text, label);
    // Regenerate from where the command was recorded: relative paths mean what they meant then,
    // and may not reach out of there.
    pipeline::check_request_paths(request, command_root(file), label);
    WorkingDirectory directory(command_root(file));
    std::cerr << "cargo-recipe: " << (opts.check ? "checking " : "auditing ") << label << "\n";
    if (opts.check) {
      report.cases.push_back(regenerate::check_recipe(label, text, request, generator));
      folders.insert(file.parent_path());
      continue;
    }
    regenerate::AuditOptions audit{opts.runs, opts.seed, opts.perturbations};
    for (auto& c : regenerate::audit_regeneration(label, request, generator, audit)) {
      report.cases.push_back(std::move(c));
    }
  }
  // The helper beside the recipes, once per folder: every recipe generated now copies it.
  for (const fs::path& folder : folders) {
    const fs::path helper = folder / emit::k_helper_file_name;
    std::error_code ec;
    std::optional<std::string> text;
    if (fs::is_regular_file(helper, ec)) {
      text = read_file(helper);
    }
    report.cases.push_back(regenerate::check_helper(helper.string(), text));
  }
  opts.outputs.finish(report);
}

}  // namespace

void add_audit_generate_command(CLI::App& audit) {
  auto opts = std::make_shared<AuditGenerateOptions>();
  CLI::App* generate = audit.add_subcommand(
      "generate",
      "Regenerate recipes under perturbations (or --check them against the generator); exit 0 clean, "
      "1 differences, 2 usage or input error");
  generate->add_option("paths", opts->paths, "Recipes, or folders of *.Dockerfile")->capture_default_str();
  generate->add_flag("--check", opts->check,
                     "Only check that each recipe is what the generator writes now (drift gate)");
  generate->add_option("--runs", opts->runs, "Rounds of every perturbation")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  generate->add_option("--seed", opts->seed, "Seed of the shuffles")->capture_default_str();
  generate->add_option("--perturbation", opts->perturbations,
                       "Only these (repeat, shuffled-metadata, reordered-packages, moved-workspace, "
                       "working-directory, locale-timezone, environment-noise)");
  opts->outputs.add_to(*generate);
  generate->callback([opts] { run_audit_generate(*opts); });
}

}  // namespace recipe::cli
