#include "cli/build_explain.hpp"

#include <spdlog/spdlog.h>

#include "audit/runner/rebuild_reasons.hpp"
#include "cli/plan_command.hpp"
#include "cli/recipe_context.hpp"
#include "generator/explain/explain.hpp"
#include "generator/pipeline/generate.hpp"
#include "generator/pipeline/request_paths.hpp"
#include "generator/plan/plan_render.hpp"
#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::cli {

std::optional<std::string> recipe_plan_json(const std::filesystem::path& recipe, std::string_view text,
                                            ProcessRunner& processes) {
  try {
    // Checked before anything runs: the header may come from a stranger.
    pipeline::GenerateRequest request = pipeline::replan_request(text, command_root(recipe), recipe.string());
    if (request.install && !request.install->path) {
      spdlog::info("{}: the plan of an installed crate is not kept (build --explain has nothing to compare)",
                   recipe.string());
      return std::nullopt;
    }
    // Relative paths in the request mean what they meant where it was recorded.
    WorkingDirectory directory(command_root(recipe));
    pipeline::PlannedRequest planned = pipeline::plan_request(request, processes);
    record_source_digests(planned.plan, *planned.loaded.workspace);
    return plan::render_plan_json(planned.plan);
  } catch (const Error& e) {
    spdlog::warn("{}: no plan kept for build --explain: {}", recipe.string(), e.what());
    return std::nullopt;
  }
}

std::string explain_build(const runner::BuildStatus& status, const std::optional<std::string>& previous,
                          const std::optional<std::string>& now, bool built_before) {
  if (!now) {
    return "explain: the recipe could not be planned here (see the warning above)\n";
  }
  if (!previous) {
    return built_before ? "explain: no plan of the previous build to compare with: it ran without --explain\n"
                        : "explain: no earlier successful build of this output to compare with; the next build will "
                          "have one\n";
  }
  explain::Explanation explanation = explain::explain_plans(explain::read_plan_record(*previous, "the previous build"),
                                                            explain::read_plan_record(*now, "this build"));
  return runner::render_rebuild_reasons(runner::rebuild_reasons(status, explanation));
}

}  // namespace recipe::cli
