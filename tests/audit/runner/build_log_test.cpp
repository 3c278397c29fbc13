#include "audit/runner/build_log.hpp"

#include <gtest/gtest.h>

#include "generator/support/atomic_file.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::runner {
namespace {

TEST(BuildLog, BuildKitFailureNamesTheStageAndWhatItsStepSaid) {
  // As Docker 20.10 prints it with --progress=plain (shortened).
  const char* log = R"(#14 [lib-cfg-if-1.0.0-7c7e1f5f2a3b 1/1] RUN ["/usr/bin/env", "-i"]
#14 DONE 0.4s

#20 [build-script-run-libz-sys-1.1.8-9bd0517f9ff5 1/1] RUN --mount=type=bind ["/usr/bin/env", "-i"]
#20 sha256:6210de661f43b2fcfe32636ddafb0784cb29ed518ffc562062938b7c4fbab901
#20 0.210 thread 'main' panicked at 'librust-libz-sys only supports linking with system lib on Debian!', build.rs:45:5
#20 0.210 recipe-helper: build script of libz-sys@1.1.8 failed (exit 101); its output:
#20 0.212 cargo:rerun-if-env-changed=PKG_CONFIG_SYSROOT_DIR
#20 0.212 cargo-warning=Could not run `"pkg-config" "--libs" "--cflags" "zlib"`
#20 0.212 The pkg-config command could not be found.
#20 0.212 that require pkg-config.
#20 ERROR: executor failed running [/usr/bin/env -i PATH=/usr/bin]: exit code: 1
------
 > [build-script-run-libz-sys-1.1.8-9bd0517f9ff5 1/1] RUN --mount=type=bind ["/usr/bin/env", "-i"]:
------
executor failed running [/usr/bin/env -i PATH=/usr/bin]: exit code: 1
)";
  auto failure = find_build_failure(log);
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->stage, "build-script-run-libz-sys-1.1.8-9bd0517f9ff5");
  EXPECT_EQ(failure->cause,
            "thread 'main' panicked at 'librust-libz-sys only supports linking with system lib on Debian!', "
            "build.rs:45:5 / cargo-warning=Could not run `\"pkg-config\" \"--libs\" \"--cflags\" \"zlib\"`");
}

TEST(BuildLog, BuildahFailureNamesTheStage) {
  const char* log = R"([3/9] STEP 1/2: FROM base AS lib-cfg-if-1.0.0-7c7e1f5f2a3b
[3/9] STEP 2/2: RUN ["true"]
[4/9] STEP 1/2: FROM base AS bin-app-0.1.0-app-3782b27b537c
[4/9] STEP 2/2: RUN ["/usr/bin/env", "-i"]
error: linking with `cc` failed: exit status: 1
error building at STEP "RUN /usr/bin/env -i": exit status 1
)";
  auto failure = find_build_failure(log);
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->stage, "bin-app-0.1.0-app-3782b27b537c");
  EXPECT_EQ(failure->cause, "error: linking with `cc` failed: exit status: 1");
}

TEST(BuildLog, FailuresOfRealLogsAndOfOutputThatMimicsProgressLines) {
  struct Case {
    std::string name;
    std::string log;
    std::string stage;   // of the failure
    std::string quoted;  // failed_step_output's first line
  };
  auto fixture = [](const std::string& name) { return read_file(testing::test_data("fixtures/engine-logs/" + name)); };
  const Case cases[] = {
      {"buildah 1.28", fixture("buildah-1.28-failed.log"), "lib-b",
       "[2/3] STEP 1/2: FROM localhost/cargo-recipe/rust-base:bookworm AS lib-b"},
      {"a BuildKit step printing a buildah stage line",
       "#12 [lib-real-1 1/1] RUN x\n#12 1.234 STEP 1/1: FROM x AS lib-evil\n"
       "#12 1.300 [1/2] STEP 1/1: FROM x AS lib-evil\n#12 ERROR: exit code: 1\n",
       "lib-real-1", "#12 [lib-real-1 1/1] RUN x"},
      {"a buildah step printing a stage line inside its output",
       "[1/2] STEP 1/2: FROM base AS lib-real-1\n[1/2] STEP 2/2: RUN x\nsaid STEP 1/1: FROM x AS lib-evil\n"
       "Error: building at STEP \"RUN x\": exit status 1\n",
       "lib-real-1", "[1/2] STEP 1/2: FROM base AS lib-real-1"},
  };
  for (const auto& c : cases) {
    auto failure = find_build_failure(c.log);
    ASSERT_TRUE(failure) << c.name;
    EXPECT_EQ(failure->stage, c.stage) << c.name;
    std::string quoted = failed_step_output(c.log, 40);
    EXPECT_EQ(quoted.substr(0, quoted.find('\n')), c.quoted) << c.name;
  }
  EXPECT_EQ(find_build_failure(fixture("buildah-1.28-failed.log"))->cause, "b-fail");
}

TEST(BuildLog, ASuccessfulLogHasNoFailure) {
  EXPECT_FALSE(find_build_failure("#1 [internal] load build definition\n#1 DONE 0.0s\n"));
}

}  // namespace
}  // namespace recipe::runner
