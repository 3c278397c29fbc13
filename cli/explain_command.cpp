#include "cli/explain_command.hpp"

#include <map>
#include <memory>

#include "cli/input_options.hpp"
#include "cli/plan_command.hpp"
#include "generator/explain/explain.hpp"
#include "generator/pipeline/load_inputs.hpp"
#include "generator/plan/plan_render.hpp"
#include "generator/plan/why.hpp"
#include "generator/support/atomic_file.hpp"

namespace recipe::cli {

namespace {

struct ExplainCommandOptions {
  WorkspaceOptions workspace;
  std::string before;
  std::string after;  // empty: plan the workspace now
  std::string format = "text";
  std::string output = "-";
};

explain::PlanRecord read_plan_file(const std::string& path) {
  return explain::read_plan_record(read_file(path), path);
}

// Say, for each feature of the units of `record`, what switched it on in `plan`, which it was read from.
void add_feature_activators(explain::PlanRecord& record, const plan::Plan& plan) {
  std::map<std::string, const plan::Unit*> by_id;
  for (const auto& unit : plan.units) {
    by_id.emplace(unit.id, &unit);
  }
  for (auto& unit : record.units) {
    const plan::Unit& planned = *by_id.at(unit.id);
    for (const auto& feature : unit.features) {
      unit.feature_activators.emplace(feature, plan::feature_activators(plan, planned, feature));
    }
  }
}

void run_explain(ExplainCommandOptions& opts) {
  explain::PlanRecord before = read_plan_file(opts.before);
  explain::PlanRecord after;
  if (opts.after.empty()) {
    // The workspace as it is now, planned with the options given, read back as a saved plan is.
    finish_workspace_options(opts.workspace);
    SubprocessRunner runner;
    pipeline::LoadedInputs loaded = pipeline::load_inputs(opts.workspace.load, runner);
    plan::Plan now = plan::make_plan(loaded.inputs, opts.workspace.plan);
    record_source_digests(now, *loaded.workspace);
    after = explain::read_plan_record(plan::render_plan_json(now), "the workspace");
    add_feature_activators(after, now);
  } else {
    after = read_plan_file(opts.after);
  }
  explain::Explanation explanation = explain::explain_plans(before, after);
  write_output(opts.output, opts.format == "json" ? explain::render_explanation_json(explanation)
                                                  : explain::render_explanation_text(explanation));
}

}  // namespace

void add_explain_command(CLI::App& app) {
  auto opts = std::make_shared<ExplainCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "explain",
      "Say why unit ids changed: for each changed unit the first input that differs, or the dependency it "
      "follows");
  command->add_option("OLD", opts->before, "A plan written by `plan --format json`")->required();
  command->add_option("NEW", opts->after, "Another such plan; without it, the workspace as it is now");
  add_workspace_options(*command, opts->workspace);
  command->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_option("-o,--output", opts->output, "Write to FILE instead of stdout")->capture_default_str();
  command->callback([opts] { run_explain(*opts); });
}

}  // namespace recipe::cli
