#include "audit/runner/progress_events.hpp"

#include <gtest/gtest.h>

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

TEST(ProgressEvents, ReadsBuildKitStartsCachedDoneAndErrorOncePerStage) {
  ProgressEvents events;
  std::vector<StageEvent> got = feed(events, {
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

TEST(ProgressEvents, BuildahStageLineEndsTheOneBeforeAndFinishEndsTheLast) {
  ProgressEvents events;
  std::vector<StageEvent> got = feed(events, {
      "[4/9] STEP 1/3: FROM base AS lib-itoa-1.0.1-448687e9a97b",
      "[4/9] STEP 2/3: ARG CARGO_RECIPE_SALT",
      "[5/9] STEP 1/3: FROM base AS bin-app-0.1.0-app-3782b27b537c",
      "error: linking failed",
      "error building at STEP \"RUN ...\": exit status 1",
  });
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].kind, StageEventKind::started);
  EXPECT_EQ(got[1].kind, StageEventKind::done);
  EXPECT_EQ(got[1].stage, "lib-itoa-1.0.1-448687e9a97b");
  EXPECT_EQ(got[2].kind, StageEventKind::started);
  EXPECT_EQ(got[3].kind, StageEventKind::failed);
  EXPECT_EQ(got[3].stage, "bin-app-0.1.0-app-3782b27b537c");
  EXPECT_TRUE(events.finish(false).empty());

  ProgressEvents succeeded;
  feed(succeeded, {"[1/1] STEP 1/2: FROM base AS lib-itoa-1.0.1-448687e9a97b"});
  std::vector<StageEvent> last = succeeded.finish(true);
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0].kind, StageEventKind::done);
}

}  // namespace
}  // namespace recipe::runner
