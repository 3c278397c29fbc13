// classify_failure on logs as Docker 20.10 and buildah print them (tests/fixtures/engine-logs):
// what is the engine's fault, what is the unit's.
#include "audit/runner/engine_failure.hpp"

#include <gtest/gtest.h>

#include "generator/support/atomic_file.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::runner {
namespace {

std::string engine_log(const std::string& name) {
  return read_file(testing::test_data("fixtures/engine-logs/" + name));
}

TEST(EngineFailure, TellsEngineInternalFailuresFromFailedSteps) {
  struct Case {
    std::string log;
    FailureKind kind;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"flightcontrol-timeout.log", FailureKind::engine_internal, "flightcontrol: exceeded retry timeout"},
      {"cache-key-snapshot-not-found.log", FailureKind::engine_internal,
       "failed to compute cache key: snapshot not found"},
      {"daemon-eof.log", FailureKind::engine_internal, "rpc error: code = Unavailable"},
      // The trace names contenthash before the client's reset connection.
      {"contenthash-sigsegv.log", FailureKind::engine_internal, "BuildKit crashed in contenthash (SIGSEGV)"},
      {"daemon-unreachable.log", FailureKind::engine_unreachable, "the Docker daemon does not answer"},
      {"daemon-socket-refused.log", FailureKind::engine_unreachable, "the daemon socket refuses connections"},
      // rustc's output mentions a reset connection: a step's own words never blame the engine.
      {"rustc-error.log", FailureKind::step_failed, "exit code 101"},
      {"buildah-exit-status.log", FailureKind::step_failed, "exit code 101"},
      {"buildah-1.28-failed.log", FailureKind::step_failed, "exit code 3"},  // "Error: building at STEP"
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.log);
    FailureClass failure = classify_failure(engine_log(c.log));
    EXPECT_EQ(failure.kind, c.kind);
    EXPECT_EQ(failure.reason, c.reason);
  }
}

TEST(EngineFailure, AStepExitWinsOverEngineMessagesAndSilenceIsUnknown) {
  FailureClass both = classify_failure(
      "error reading from server: connection reset by peer\n"
      "#9 ERROR: process \"/bin/sh -c cargo build\" did not complete successfully: exit code: 2\n");
  EXPECT_EQ(both.kind, FailureKind::step_failed);
  EXPECT_EQ(both.reason, "exit code 2");
  // A source missing from the context is the recipe's fault, not a lost snapshot.
  FailureClass missing =
      classify_failure("error: failed to solve: failed to compute cache key: \"/recipe/src/app-0.1.0\": not found\n");
  EXPECT_EQ(missing.kind, FailureKind::unknown);
  EXPECT_EQ(classify_failure("#1 something went wrong\n").kind, FailureKind::unknown);
}

}  // namespace
}  // namespace recipe::runner
