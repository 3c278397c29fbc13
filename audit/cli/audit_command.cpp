#include "audit/cli/audit_command.hpp"

#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "audit/cli/audit_snapshot_command.hpp"
#include "audit/cli/generate_command.hpp"
#include "audit/rebuild/rebuild_audit.hpp"
#include "audit/regenerate/regeneration_audit.hpp"
#include "audit/report/report.hpp"
#include "generator/emit/recorded_command.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::cli {

namespace fs = std::filesystem;

namespace {

struct ReportOutputs {
  std::string report_json;
  std::string junit;
  std::string markdown;

  void add_to(CLI::App& command) {
    command.add_option("--report-json", report_json, "Write the report as JSON (schemas/audit-report.schema.json)");
    command.add_option("--junit", junit, "Write the report as JUnit XML (one test case per recipe and check or stage)");
    command.add_option("--markdown", markdown, "Write the report as Markdown (for $GITHUB_STEP_SUMMARY)");
  }

  // Print the text report, write the files asked for, and end with the report's exit code.
  void finish(const report::Report& report) const {
    std::cout << report::render_text(report, report::use_colour());
    if (!report_json.empty()) {
      write_output(report_json, report::render_json(report));
    }
    if (!junit.empty()) {
      write_output(junit, report::render_junit(report));
    }
    if (!markdown.empty()) {
      write_output(markdown, report::render_markdown(report));
    }
    if (int code = report.exit_code(); code != 0) {
      throw ExitWithCode(code);
    }
  }
};

struct AuditBuildOptions {
  std::vector<std::string> recipes;
  rebuild::RebuildOptions rebuild;
  std::vector<std::string> runners;
  std::string vary = "context-path,source-date-epoch,env-noise,umask";
  std::string vendor;
  ReportOutputs outputs;
};

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) {
      out.push_back(item);
    }
    if (comma == std::string::npos) {
      break;
    }
    start = comma + 1;
  }
  return out;
}

void run_audit_build(AuditBuildOptions& opts) {
  report::Report report;
  report.kind = "build";
  opts.rebuild.runs.vary.clear();
  for (const auto& v : split_commas(opts.vary)) {
    if (!runner::k_variations.contains(v)) {
      throw InputError("--vary: unknown variation \"" + v + "\" (known: context-path, source-date-epoch, env-noise, umask)");
    }
    opts.rebuild.runs.vary.insert(v);
  }
  opts.rebuild.runs.runners.clear();
  for (const auto& r : opts.runners) {
    for (const auto& one : split_commas(r)) {
      if (one != "docker" && one != "buildah") {
        throw InputError("--runner: unknown engine \"" + one + "\" (expected docker or buildah)");
      }
      opts.rebuild.runs.runners.push_back(one);
    }
  }
  if (opts.rebuild.runs.runners.empty()) {
    opts.rebuild.runs.runners.push_back("");
  }
  if (!opts.vendor.empty()) {
    opts.rebuild.runs.vendor = opts.vendor;
  }
  SubprocessRunner processes;
  for (const auto& recipe : opts.recipes) {
    rebuild::RebuildOptions one = opts.rebuild;
    one.runs.recipe = recipe;
    try {
      rebuild::audit_rebuild(one, processes, report);
    } catch (const EngineError& e) {
      report.complete = false;
      report.incomplete_reason = e.what();
    }
    if (!report.complete) {
      break;
    }
  }
  opts.outputs.finish(report);
}

// Reports of the same recipes made on different machines or days: do the stages agree?
void run_audit_compare(const std::vector<std::string>& files, const ReportOutputs& outputs) {
  if (files.size() < 2) {
    throw InputError("audit compare needs two or more reports");
  }
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::string>>> digests;
  for (const auto& file : files) {
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(read_file(file));
    } catch (const nlohmann::json::exception& e) {
      throw InputError(file + ": not a JSON report: " + e.what());
    }
    if (doc.value("schema", "") != "cargo-recipe/audit-report/1" || doc.value("kind", "") != "build") {
      throw InputError(file + ": not a build audit report (schema cargo-recipe/audit-report/1, kind build)");
    }
    for (const auto& c : doc["cases"]) {
      std::string digest = c["facts"].value("output_digest", "");
      digests[{c["suite"], c["name"]}].emplace_back(file, digest);
    }
  }
  report::Report report;
  report.kind = "compare";
  for (const auto& [key, seen] : digests) {
    report::Case c{key.first, key.second, report::Verdict::pass, "the same outputs in every report", "", {}};
    if (seen.size() != files.size()) {
      c.verdict = report::Verdict::error;
      c.summary = "in " + std::to_string(seen.size()) + " of " + std::to_string(files.size()) + " reports";
    }
    for (const auto& [file, digest] : seen) {
      c.facts[file] = digest;
      if (digest != seen.front().second && c.verdict == report::Verdict::pass) {
        c.verdict = report::Verdict::fail;
        c.summary = "outputs differ between reports";
      }
    }
    report.cases.push_back(std::move(c));
  }
  outputs.finish(report);
}

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

// Recorded commands are relative to the folder that holds recipes/ (where they were run).
fs::path command_root(const fs::path& recipe) {
  fs::path folder = fs::absolute(recipe).parent_path();
  return folder.filename() == "recipes" ? folder.parent_path() : fs::current_path();
}

void run_audit_generate(const AuditGenerateOptions& opts) {
  report::Report report;
  report.kind = "generate";
  regenerate::Generator generator = regenerate::real_generator();
  for (const fs::path& file : recipe_files(opts.paths)) {
    const std::string label = file.string();
    const std::string text = read_file(file);
    auto words = emit::recorded_command(text, label);
    if (!words) {
      throw InputError(label + ": has no \"cargo-recipe-command\" header line (not written by cargo-recipe generate?)");
    }
    emit::GenerateRequest request = parse_generate_command(*words, label);
    // Regenerate from where the command was recorded: relative paths mean what they meant then.
    WorkingDirectory directory(command_root(file));
    std::cerr << "cargo-recipe: " << (opts.check ? "checking " : "auditing ") << label << "\n";
    if (opts.check) {
      report.cases.push_back(regenerate::check_recipe(label, text, request, generator));
      continue;
    }
    regenerate::AuditOptions audit{opts.runs, opts.seed, opts.perturbations};
    for (auto& c : regenerate::audit_regeneration(label, request, generator, audit)) {
      report.cases.push_back(std::move(c));
    }
  }
  opts.outputs.finish(report);
}

}  // namespace

void add_audit_command(CLI::App& app) {
  CLI::App* audit = app.add_subcommand("audit", "Reproducibility audits of recipes");
  audit->require_subcommand(1);
  auto opts = std::make_shared<AuditGenerateOptions>();
  CLI::App* generate = audit->add_subcommand(
      "generate", "Regenerate recipes under perturbations (or --check them against the generator); exit 0 clean, "
                  "1 differences, 2 usage or input error");
  generate->add_option("paths", opts->paths, "Recipes, or folders of *.Dockerfile")->capture_default_str();
  generate->add_flag("--check", opts->check, "Only check that each recipe is what the generator writes now (drift gate)");
  generate->add_option("--runs", opts->runs, "Rounds of every perturbation")->check(CLI::PositiveNumber)->capture_default_str();
  generate->add_option("--seed", opts->seed, "Seed of the shuffles")->capture_default_str();
  generate->add_option("--perturbation", opts->perturbations,
                       "Only these (repeat, shuffled-metadata, reordered-packages, moved-workspace, "
                       "working-directory, locale-timezone, environment-noise)");
  opts->outputs.add_to(*generate);
  generate->callback([opts] { run_audit_generate(*opts); });

  auto build_opts = std::make_shared<AuditBuildOptions>();
  CLI::App* build = audit->add_subcommand(
      "build", "Rebuild recipes with no cache, hash every unit's outputs, find the first stage that diverged and why; "
               "exit 0 reproducible, 1 not, 2 usage or input error, 3 build failed or engine unavailable");
  build->add_option("recipes", build_opts->recipes, "Recipes to rebuild")->required();
  build->add_option("--runs", build_opts->rebuild.runs.runs, "Builds per recipe")->check(CLI::Range(2, 100))->capture_default_str();
  build->add_option("--runner", build_opts->runners, "docker, buildah, or both (docker,buildah) to alternate engines");
  build->add_option("--builder", build_opts->rebuild.runs.builders,
                    "A DOCKER_HOST to alternate with (repeatable): two daemons as two machines");
  build->add_option("--vary", build_opts->vary, "What changes between runs")->capture_default_str();
  build->add_option("--jobs", build_opts->rebuild.jobs, "Threads hashing outputs")->check(CLI::PositiveNumber)->capture_default_str();
  build->add_option("--context", build_opts->rebuild.runs.context, "The workspace root the recipe was generated from")
      ->capture_default_str();
  build->add_option("--vendor", build_opts->vendor, "Where vendor/NAME-VERSION crates come from");
  build->add_flag("--strict-metadata", build_opts->rebuild.strict_metadata, "Differences of mtime, mode or owner fail too");
  build->add_option("--diffoscope", build_opts->rebuild.diffoscope_dir,
                    "Hand each first divergent file to diffoscope, writing its reports in DIR");
  build_opts->outputs.add_to(*build);
  build->callback([build_opts] { run_audit_build(*build_opts); });

  auto compare_files = std::make_shared<std::vector<std::string>>();
  auto compare_outputs = std::make_shared<ReportOutputs>();
  CLI::App* compare = audit->add_subcommand("compare", "Compare build audit reports made on different machines or days");
  compare->add_option("reports", *compare_files, "JSON reports of audit build")->required();
  compare_outputs->add_to(*compare);
  compare->callback([compare_files, compare_outputs] { run_audit_compare(*compare_files, *compare_outputs); });

  add_audit_snapshot_command(*audit);
}

}  // namespace recipe::cli
