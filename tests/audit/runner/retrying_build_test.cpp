// build_retrying against a FakeProcessRunner whose docker answers each build from a script of
// real-looking logs (tests/fixtures/engine-logs): what is retried, from the cache, and what ends
// the build with which one line. No engine is needed.
#include "audit/runner/retrying_build.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "tests/support/fake_process_runner.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::runner {
namespace {

using testing::exits;
using testing::FakeProcessRunner;

// One scripted build: how docker exits and what it logs; whether the daemon answers after it.
struct Attempt {
  int exit_code;
  std::string log;  // a file of tests/fixtures/engine-logs, "" for none
  bool daemon_up = true;
};

struct Case {
  std::string what;
  int retries;
  std::vector<Attempt> attempts;
  int builds;                          // how many builds ran
  std::vector<std::string> announced;  // the retry lines
  std::string error;                   // EngineError's message, "" when the build succeeded
};

std::string engine_log(const std::string& name) {
  return name.empty() ? "" : read_file(testing::test_data("fixtures/engine-logs/" + name));
}

TEST(RetryingBuild, RetriesOnlyEngineFailuresFromTheCacheAndEndsWithOneLine) {
  const Attempt flightcontrol = {1, "flightcontrol-timeout.log"};
  const Attempt lost_snapshot = {1, "cache-key-snapshot-not-found.log"};
  const Attempt built = {0, ""};
  const std::string retry_1 = "cargo-recipe: engine failure (flightcontrol: exceeded retry timeout), retrying (1/2)";
  const std::vector<Case> cases = {
      {"an engine failure then success is retried once", 2, {flightcontrol, built}, 2, {retry_1}, ""},
      {"a compile error is not retried and names its stage",
       2,
       {{1, "rustc-error.log"}},
       1,
       {},
       "docker build of app.Dockerfile failed (exit 1) in stage lib-app-0.1.0-2b3c4d5e6f70: error[E0425]: cannot "
       "find value `conection` in this scope / error: aborting due to previous error"},
      {"retries spent",
       2,
       {flightcontrol, lost_snapshot, flightcontrol},
       3,
       {retry_1, "cargo-recipe: engine failure (failed to compute cache key: snapshot not found), retrying (2/2)"},
       "docker hit an engine limit building app.Dockerfile: gave up after 3 builds that failed inside the engine, "
       "not in a unit (last: flightcontrol: exceeded retry timeout); run build again to continue from its cache, or "
       "raise "
       "--retries"},
      {"--retries 0 does not retry",
       0,
       {flightcontrol},
       1,
       {},
       "docker hit an engine limit building app.Dockerfile: gave up after 1 build that failed inside the engine, "
       "not in a unit (last: flightcontrol: exceeded retry timeout); run build again to continue from its cache, or "
       "raise "
       "--retries"},
      {"the daemon's socket is gone",
       2,
       {{1, "daemon-unreachable.log", false}},
       1,
       {},
       "docker stopped answering while building app.Dockerfile (the Docker daemon does not answer): the engine died "
       "or restarted; run build again once it answers, it continues from what the engine cached"},
      {"a crash took the daemon with it",
       2,
       {{1, "contenthash-sigsegv.log", false}},
       1,
       {},
       "docker stopped answering while building app.Dockerfile (BuildKit crashed in contenthash (SIGSEGV)): the "
       "engine died or restarted; run build again once it answers, it continues from what the engine cached"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    FakeProcessRunner processes;
    bool daemon_up = true;
    processes.answer({"docker", "buildx", "version"}, exits(0, "v0.10.4\n"));
    processes.answer({"docker", "info"}, [&](const FakeProcessRunner::Command&) {
      return daemon_up ? exits(0, "20.10.24\n") : exits(1, "", "Cannot connect to the Docker daemon\n");
    });
    size_t builds = 0;
    processes.answer({"docker", "build"}, [&](const FakeProcessRunner::Command&) {
      const Attempt& attempt = c.attempts.at(builds++);
      daemon_up = attempt.daemon_up;
      return exits(attempt.exit_code, "", engine_log(attempt.log));
    });
    std::unique_ptr<Engine> engine = find_engine("docker", processes);
    BuildRequest request;
    request.dockerfile = "app.Dockerfile";
    request.context = "ctx";
    request.target = "binaries";
    request.no_cache = true;
    std::vector<std::string> announced;
    RetryPolicy policy{c.retries, "app.Dockerfile", [&](const std::string& line) { announced.push_back(line); }};
    std::string error;
    try {
      build_retrying(*engine, request, policy);
    } catch (const EngineError& e) {
      error = e.what();
    }
    EXPECT_EQ(builds, static_cast<size_t>(c.builds));
    EXPECT_EQ(announced, c.announced);
    EXPECT_EQ(error, c.error);
    // Only the first build may start from nothing: a retry continues from the engine's cache.
    size_t build_index = 0;
    for (const auto& command : processes.commands()) {
      if (command.argv[1] != "build") {
        continue;
      }
      bool no_cache = std::find(command.argv.begin(), command.argv.end(), "--no-cache") != command.argv.end();
      EXPECT_EQ(no_cache, build_index++ == 0);
    }
  }
}

}  // namespace
}  // namespace recipe::runner
