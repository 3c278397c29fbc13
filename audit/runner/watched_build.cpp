#include "audit/runner/watched_build.hpp"

#include "audit/runner/build_log.hpp"
#include "generator/support/error.hpp"

namespace recipe::runner {

namespace {

// How much of a failed step's output is quoted: enough for a compiler error and its notes.
constexpr size_t k_quoted_lines = 40;

}  // namespace

void build_watched(Engine& engine, BuildRequest request, RetryPolicy policy, BuildWatcher& watcher, std::ostream& log,
                   std::FILE* quote) {
  std::string attempt_log;  // this attempt's log, for the quote
  request.show_progress = false;
  request.on_log_line = [&](std::string_view line) {
    log << line << '\n';
    attempt_log.append(line).push_back('\n');
    watcher.on_log_line(line);
  };
  auto announce = policy.on_retry;
  policy.on_retry = [&](const std::string& line) {
    watcher.finish(false);
    if (announce) {
      announce(line);
    }
    watcher.restart();
    attempt_log.clear();
  };
  try {
    build_retrying(engine, request, policy);
  } catch (const EngineError&) {
    watcher.finish(false);
    log.flush();
    std::string output = failed_step_output(attempt_log, k_quoted_lines);
    if (!output.empty()) {
      std::fprintf(quote, "cargo-recipe: the failed step's last lines:\n%s", output.c_str());
      std::fflush(quote);
    }
    throw;
  }
  watcher.finish(true);
  log.flush();
}

}  // namespace recipe::runner
