#include "audit/runner/build_progress.hpp"

#include <cstdio>

#include <gtest/gtest.h>

namespace recipe::runner {
namespace {

TEST(BuildProgress, CountsUnitStagesDoneOrCachedAndNothingElse) {
  std::FILE* sink = std::tmpfile();
  BuildProgress progress(2, 3, sink);
  progress.start_run(1, EngineLog::buildkit);
  for (const char* line : {
           "#5 [base 2/2] RUN [\"/bin/sh\", \"-c\", \"mkdir -p /recipe/bin\"]",
           "#5 DONE 0.3s",
           "#7 [src-serde-1.0.152 1/1] COPY vendor/serde-1.0.152 /recipe/src/serde-1.0.152",
           "#7 DONE 0.1s",
           "#9 [lib-serde-1.0.152-3f2a9c1b7e4d 1/1] RUN --mount=type=bind,from=src-serde-1.0.152 [\"/usr/bin/env\"]",
           "#10 [build-script-run-libc-0.2.139-0a1b2c3d4e5f 1/1] RUN [\"/usr/bin/env\"]",
           "#9 0.513 warning: unused",
           "#10 CACHED",
           "#9 DONE 4.1s",
           "#9 DONE 4.1s",
           "#12 [apt-3061e6a75fbe 1/1] RUN [\"/usr/bin/env\", \"DEBIAN_FRONTEND=noninteractive\"]",
           "#12 DONE 9.0s",
       }) {
    progress.on_log_line(line);
  }
  EXPECT_EQ(progress.done(), 2u);
  progress.finish_run(true, 5.0);
  progress.start_run(2, EngineLog::buildah);
  EXPECT_EQ(progress.done(), 0u);
  progress.on_log_line("[4/9] STEP 1/2: FROM base AS bin-app-0.1.0-app-3782b27b537c");
  progress.on_log_line("[5/9] STEP 1/2: FROM base AS src-app-0.1.0");
  progress.on_log_line("[6/9] STEP 1/2: FROM base AS lib-app-0.1.0-3782b27b537c");
  EXPECT_EQ(progress.done(), 1u);
  progress.finish_run(true, 5.0);  // buildah says nothing when its last stage ends
  EXPECT_EQ(progress.done(), 2u);
  std::fclose(sink);
}

}  // namespace
}  // namespace recipe::runner
