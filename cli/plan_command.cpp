#include "cli/plan_command.hpp"

#include <memory>

#include "cli/input_options.hpp"
#include "generator/plan/plan_render.hpp"
#include "generator/support/atomic_file.hpp"

namespace recipe::cli {

namespace {

struct PlanCommandOptions {
  WorkspaceOptions workspace;
  std::string format = "text";
  std::string output = "-";
};

void run_plan(PlanCommandOptions& opts) {
  finish_workspace_options(opts.workspace);
  SubprocessRunner runner;
  // Deliberately never freed (as compilers do with -disable-free): the process ends right after
  // writing, and taking apart tens of thousands of small objects was a tenth of a plan's time.
  auto* loaded = new cargo::LoadedInputs(cargo::load_inputs(opts.workspace.load, runner));
  auto* plan = new plan::Plan(plan::make_plan(loaded->inputs, opts.workspace.plan));
  write_output(opts.output, opts.format == "json" ? plan::render_plan_json(*plan) : plan::render_plan_text(*plan));
}

}  // namespace

void add_plan_command(CLI::App& app) {
  auto opts = std::make_shared<PlanCommandOptions>();
  CLI::App* command = app.add_subcommand("plan", "Print the compilation units cargo would build, with their rustc lines");
  add_workspace_options(*command, opts->workspace);
  command->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_option("-o,--output", opts->output, "Write to FILE instead of stdout")->capture_default_str();
  command->callback([opts] { run_plan(*opts); });
}

}  // namespace recipe::cli
