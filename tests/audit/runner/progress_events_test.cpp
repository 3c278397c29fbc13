#include "audit/runner/progress_events.hpp"

#include <gtest/gtest.h>

#include "generator/support/atomic_file.hpp"
#include "generator/support/line_reader.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::runner {
namespace {

std::vector<StageEvent> feed(ProgressEvents& events, const std::vector<std::string>& lines) {
  std::vector<StageEvent> out;
  for (const auto& line : lines) {
    for (auto& event : events.on_line(line)) {
      out.push_back(std::move(event));
    }
  }
  return out;
}

// "KIND STAGE" per event, in order.
std::vector<std::string> said(const std::vector<StageEvent>& events) {
  static const char* const k_kinds[] = {"started", "cached", "done", "failed", "cancelled"};
  std::vector<std::string> out;
  for (const auto& event : events) {
    out.push_back(std::string(k_kinds[static_cast<int>(event.kind)]) + " " + event.stage);
  }
  return out;
}

// The events of a whole log of `log`'s engine, then of its end (`succeeded` or not).
std::vector<std::string> said_of_log(EngineLog log, const std::string& text, bool succeeded) {
  ProgressEvents events(log);
  std::vector<StageEvent> out;
  LineReader lines(text);
  std::string_view line;
  while (lines.next(line)) {
    for (auto& event : events.on_line(line)) {
      out.push_back(std::move(event));
    }
  }
  for (auto& event : events.finish(succeeded)) {
    out.push_back(std::move(event));
  }
  return said(out);
}

std::string engine_log_fixture(const std::string& name) {
  return read_file(testing::test_data("fixtures/engine-logs/" + name));
}

TEST(ProgressEvents, ReadsBuildKitStartsCachedDoneAndErrorOncePerStage) {
  ProgressEvents events(EngineLog::buildkit);
  std::vector<StageEvent> got = feed(
      events,
      {
          "#4 [base 1/3] FROM docker.io/cargo-recipe/rust-base:bookworm",
          "#9 [lib-serde-1.0.152-3f2a9c1b7e4d 1/1] RUN --mount=type=bind,from=src-serde-1.0.152 [\"/usr/bin/env\"]",
          "#10 [lib-libc-0.2.139-0a1b2c3d4e5f 1/1] RUN [\"/usr/bin/env\"]",
          "#9 0.513 warning: unused",
          "#10 CACHED",
          "#9 DONE 4.1s",
          "#9 DONE 4.1s",
          "#11 [lib-app-0.1.0-2b3c4d5e6f70 1/1] RUN [\"/usr/bin/env\"]",
          "#11 ERROR: process \"/usr/bin/env\" did not complete successfully: exit code: 101",
      });
  std::vector<StageEvent> want = {
      {StageEventKind::started, "base", 0.0},
      {StageEventKind::started, "lib-serde-1.0.152-3f2a9c1b7e4d", 0.0},
      {StageEventKind::started, "lib-libc-0.2.139-0a1b2c3d4e5f", 0.0},
      {StageEventKind::cached, "lib-libc-0.2.139-0a1b2c3d4e5f", 0.0},
      {StageEventKind::done, "lib-serde-1.0.152-3f2a9c1b7e4d", 4.1},
      {StageEventKind::started, "lib-app-0.1.0-2b3c4d5e6f70", 0.0},
      {StageEventKind::failed, "lib-app-0.1.0-2b3c4d5e6f70", 0.0},
  };
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].kind, want[i].kind) << i;
    EXPECT_EQ(got[i].stage, want[i].stage) << i;
    EXPECT_DOUBLE_EQ(got[i].seconds, want[i].seconds) << i;
  }
}

TEST(ProgressEvents, BuildKitCancelledStepsEnd) {
  ProgressEvents events(EngineLog::buildkit);
  std::vector<StageEvent> got =
      feed(events, {
                       "#9 [lib-a-1 1/1] RUN [\"/usr/bin/env\"]",
                       "#10 [lib-b-2 1/1] RUN [\"/usr/bin/env\"]",
                       "#10 ERROR: process \"/usr/bin/env\" did not complete successfully: exit code: 101",
                       "#9 CANCELED",
                   });
  EXPECT_EQ(said(got),
            (std::vector<std::string>{"started lib-a-1", "started lib-b-2", "failed lib-b-2", "cancelled lib-a-1"}));
}

TEST(ProgressEvents, OutputCannotPassForProgressLines) {
  // A step's output, as each engine shows it: none of it is a progress line of that engine.
  struct Case {
    EngineLog log;
    std::vector<std::string> lines;  // after a stage lib-a started
  };
  const Case cases[] = {
      {EngineLog::buildkit, {"#12 1.234 STEP 1/1: FROM x AS lib-evil", "#12 1.234 [1/2] STEP 1/1: FROM x AS lib-evil"}},
      {EngineLog::buildkit, {"#9 0.5 #9 DONE 1.0s", "#9 0.5 #9 CACHED", "#9 0.6 #9 CANCELED"}},
      {EngineLog::buildkit, {"[1/2] STEP 1/1: FROM x AS lib-evil", "error building at STEP \"RUN x\": 1"}},
      {EngineLog::buildah, {"#12 [lib-evil 1/1] RUN x", "#9 DONE 1.0s", "#9 ERROR: x"}},
      {EngineLog::buildah,
       {"echo [1/2] STEP 1/1: FROM x AS lib-evil", "STEP 1/1: FROM x AS lib-evil",
        "[1/2] STEP 1/1: FROM x AS lib-evil and more"}},
      {EngineLog::buildah_parallel, {"x [3/3] STEP 1/1: FROM x AS lib-evil", "error building at STEP \"RUN y\": 1"}},
  };
  for (const auto& c : cases) {
    ProgressEvents events(c.log);
    std::string start = c.log == EngineLog::buildkit ? "#9 [lib-a 1/1] RUN x" : "[1/2] STEP 1/2: FROM base AS lib-a";
    ASSERT_EQ(events.on_line(start).size(), 1u) << c.lines[0];
    EXPECT_TRUE(feed(events, c.lines).empty()) << c.lines[0];
  }
  // And the output of a buildah build that succeeds cannot fail a stage.
  EXPECT_EQ(said_of_log(EngineLog::buildah,
                        "[1/2] STEP 1/2: FROM base AS lib-a\n[1/2] STEP 2/2: RUN x\n"
                        "error building at STEP \"RUN x\": exit status 1\n",
                        true),
            (std::vector<std::string>{"started lib-a", "done lib-a"}));
}

TEST(ProgressEvents, ReadsRealBuildahLogsOneStageAtATimeAndAtOnce) {
  struct Case {
    std::string fixture;
    EngineLog log;
    bool succeeded;
    std::vector<std::string> events;
  };
  const Case cases[] = {
      // One at a time: each stage's start ends the one before; the error names lib-b's RUN.
      {"buildah-1.28-failed.log",
       EngineLog::buildah,
       false,
       {"started lib-a", "done lib-a", "started lib-b", "failed lib-b"}},
      // Stages at once: a start ends nothing; the end of the build ends them all.
      {"buildah-1.28-jobs2.log",
       EngineLog::buildah_parallel,
       true,
       {"started lib-a", "started lib-b", "started binaries", "done binaries", "done lib-a", "done lib-b"}},
      // lib-b's step failed though lib-a's printed last; the others are cancelled.
      {"buildah-1.28-jobs2-failed.log",
       EngineLog::buildah_parallel,
       false,
       {"started lib-a", "started lib-b", "started binaries", "failed lib-b", "cancelled binaries", "cancelled lib-a"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(said_of_log(c.log, engine_log_fixture(c.fixture), c.succeeded), c.events) << c.fixture;
  }
}

TEST(ProgressEvents, TheEngineAndItsJobsNameTheLog) {
  EXPECT_EQ(engine_log("docker", 4), EngineLog::buildkit);
  EXPECT_EQ(engine_log("docker@ssh://ci", std::nullopt), EngineLog::buildkit);
  EXPECT_EQ(engine_log("buildah", std::nullopt), EngineLog::buildah);
  EXPECT_EQ(engine_log("buildah", 1), EngineLog::buildah);
  EXPECT_EQ(engine_log("buildah", 2), EngineLog::buildah_parallel);
}

}  // namespace
}  // namespace recipe::runner
