#include "audit/runner/retrying_build.hpp"

#include "audit/runner/build_log.hpp"
#include "audit/runner/engine_failure.hpp"
#include "generator/support/error.hpp"

namespace recipe::runner {

namespace {

// The message of a build whose step failed, or whose log says too little to blame the engine.
std::string step_failure_message(const Engine& engine, const std::string& what, const BuildResult& result) {
  std::string where = "; the log above names the stage";
  if (auto failure = find_build_failure(result.log)) {
    where = " in stage " + failure->stage + (failure->cause.empty() ? "" : ": " + failure->cause);
  }
  return engine.name() + " build of " + what + " failed (exit " + std::to_string(result.exit_code) + ")" + where;
}

}  // namespace

BuildResult build_retrying(Engine& engine, BuildRequest request, const RetryPolicy& policy) {
  for (int attempt = 0;; ++attempt) {
    BuildResult result = engine.build(request);
    if (result.exit_code == 0) {
      return result;
    }
    FailureClass failure = classify_failure(result.log);
    if (failure.kind == FailureKind::step_failed || failure.kind == FailureKind::unknown) {
      throw EngineError(step_failure_message(engine, policy.what, result));
    }
    // A crash that took the daemon with it reads as engine-internal too: ask before retrying.
    if (failure.kind == FailureKind::engine_unreachable || !engine.alive()) {
      throw EngineError(engine.name() + " stopped answering while building " + policy.what + " (" + failure.reason +
                        "): the engine died or restarted; run build again once it answers, it continues from what "
                        "the engine cached");
    }
    if (attempt >= policy.retries) {
      throw EngineError(engine.name() + " hit an engine limit building " + policy.what + ": gave up after " +
                        std::to_string(attempt + 1) + (attempt == 0 ? " build" : " builds") +
                        " that failed inside the engine, not in a unit (last: " + failure.reason +
                        "); run build again to continue from its cache, or raise --retries");
    }
    if (policy.on_retry) {
      policy.on_retry("cargo-recipe: engine failure (" + failure.reason + "), retrying (" +
                      std::to_string(attempt + 1) + "/" + std::to_string(policy.retries) + ")");
    }
    // Continue from what the failed build cached: only the first build may start from nothing.
    request.no_cache = false;
  }
}

}  // namespace recipe::runner
