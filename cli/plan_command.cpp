#include "cli/plan_command.hpp"

#include <memory>

#include <spdlog/spdlog.h>

#include "cli/input_options.hpp"
#include "generator/pipeline/path_sources.hpp"
#include "generator/plan/plan_render.hpp"
#include "generator/plan/why.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::cli {

namespace {

struct PlanCommandOptions {
  WorkspaceOptions workspace;
  std::string format = "text";
  std::string output = "-";
  std::string why;  // --why UNIT|FEATURE: print why instead of the plan
};

void run_plan(PlanCommandOptions& opts) {
  finish_workspace_options(opts.workspace);
  SubprocessRunner runner;
  pipeline::LoadedInputs loaded = pipeline::load_inputs(opts.workspace.load, runner);
  plan::Plan plan = plan::make_plan(loaded.inputs, opts.workspace.plan);
  if (!opts.why.empty()) {
    write_output(opts.output, plan::render_why(plan, opts.why));
    return;
  }
  if (opts.format == "json") {
    record_source_digests(plan, *loaded.workspace);
  }
  write_output(opts.output, opts.format == "json" ? plan::render_plan_json(plan) : plan::render_plan_text(plan));
}

}  // namespace

void record_source_digests(plan::Plan& plan, const model::Workspace& ws) {
  try {
    plan.source_digests =
        pipeline::digest_path_package_sources(ws, pipeline::list_path_package_entries(ws, plan, {"recipes", "vendor"}));
  } catch (const Error& e) {
    // A plan of saved metadata whose folders are elsewhere: the plan stands, without digests.
    spdlog::info("no source digests in the plan: {}", e.what());
  }
}

void add_plan_command(CLI::App& app) {
  auto opts = std::make_shared<PlanCommandOptions>();
  CLI::App* command =
      app.add_subcommand("plan", "Print the compilation units cargo would build, with their rustc lines");
  add_workspace_options(*command, opts->workspace);
  command->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_option("--why", opts->why,
                      "Say why a package is built (PKG: its path from a root) or a feature is on (PKG/FEATURE: "
                      "every chain that activated it, as `cargo tree -e features -i`)");
  command->add_option("-o,--output", opts->output, "Write to FILE instead of stdout")->capture_default_str();
  command->callback([opts] { run_plan(*opts); });
}

}  // namespace recipe::cli
