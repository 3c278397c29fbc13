#include "cli/audit_subcommands.hpp"

#include <filesystem>
#include <iostream>

#include "cli/recipe_context.hpp"
#include "cli/report_outputs.hpp"
#include "audit/rebuild/rebuild_audit.hpp"
#include "generator/support/error.hpp"
#include "generator/support/split.hpp"

namespace recipe::cli {

namespace {

struct AuditBuildOptions {
  std::vector<std::string> recipes;
  rebuild::RebuildOptions rebuild;
  std::vector<std::string> runners;
  std::string vary = "context-path,source-date-epoch,env-noise,umask";
  std::string context;  // "": from each recipe's header
  std::string vendor;   // "": from each recipe's header
  ReportOutputs outputs;
};

void run_audit_build(AuditBuildOptions& opts) {
  report::Report report;
  report.kind = "build";
  opts.rebuild.runs.vary.clear();
  for (const auto& v : split_commas(opts.vary)) {
    if (!runner::k_variations.contains(v)) {
      throw InputError("--vary: unknown variation \"" + v +
                       "\" (known: context-path, source-date-epoch, env-noise, umask)");
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
  SubprocessRunner processes;
  for (const auto& recipe : opts.recipes) {
    rebuild::RebuildOptions one = opts.rebuild;
    one.runs.recipe = recipe;
    // Unless told, each recipe builds from what its header says it was generated from.
    if (opts.context.empty() || opts.vendor.empty()) {
      RecipeContext from_header = recipe_context(recipe);
      one.runs.context = opts.context.empty() ? from_header.context : opts.context;
      std::string vendor = opts.vendor.empty() ? from_header.vendor : opts.vendor;
      if (!vendor.empty()) {
        one.runs.vendor = vendor;
      }
    } else {
      one.runs.context = opts.context;
      one.runs.vendor = opts.vendor;
    }
    try {
      rebuild::audit_rebuild(one, processes, report);
    } catch (const InputError&) {
      throw;  // a recipe that is not ours or a bad option: exit 2, no report to speak of
    } catch (const Error& e) {
      // The engine, the disk or an export failed midway: say so in a report that still parses.
      report.complete = false;
      report.incomplete_reason = recipe + ": " + e.what();
      std::cerr << "cargo-recipe: error: " << report.incomplete_reason << "\n";
    }
    if (!report.complete) {
      break;
    }
  }
  opts.outputs.finish(report);
}

}  // namespace

void add_audit_build_command(CLI::App& audit) {
  auto build_opts = std::make_shared<AuditBuildOptions>();
  CLI::App* build = audit.add_subcommand(
      "build",
      "Rebuild recipes with no cache, hash every unit's outputs, find the first stage that diverged and why; "
      "exit 0 reproducible, 1 not, 2 usage or input error, 3 build failed or engine unavailable");
  build->add_option("recipes", build_opts->recipes, "Recipes to rebuild")->required();
  build->add_option("--runs", build_opts->rebuild.runs.runs, "Builds per recipe")
      ->check(CLI::Range(2, 100))
      ->capture_default_str();
  build->add_option("--runner", build_opts->runners, "docker, buildah, or both (docker,buildah) to alternate engines");
  build->add_option("--builder", build_opts->rebuild.runs.builders,
                    "A DOCKER_HOST to alternate with (repeatable): two daemons as two machines");
  build->add_option("--vary", build_opts->vary, "What changes between runs")->capture_default_str();
  build->add_option("--jobs", build_opts->rebuild.jobs, "Threads hashing outputs")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  build->add_option("--context", build_opts->context,
                    "The workspace root the recipe was generated from (default: what its header records)");
  build->add_option(
      "--vendor", build_opts->vendor,
      "Where vendor/NAME-VERSION crates come from (default: the --sources vendor=DIR its header records)");
  build->add_flag("--strict-metadata", build_opts->rebuild.strict_metadata,
                  "Differences of mtime, mode or owner fail too");
  build->add_option("--diffoscope", build_opts->rebuild.diffoscope_dir,
                    "Hand each first divergent file to diffoscope, writing its reports in DIR");
  build_opts->outputs.add_to(*build);
  build->callback([build_opts] { run_audit_build(*build_opts); });
}

}  // namespace recipe::cli
