// The runtime image's stages: one package list per stage the binaries were linked on, one image
// installing what they list, and no stage where no image could run the binaries.
#include "generator/emit/runtime_stage.hpp"

#include <gtest/gtest.h>

#include "generator/support/error.hpp"

namespace recipe::emit {
namespace {

struct Fixture {
  plan::Plan plan;
  RecipeInputs inputs;
  std::vector<RuntimeBinary> bins = {
      {.name = "app",
       .output_stage = "out-bin-app",
       .artifact = "/recipe/units/1/app-1",
       .linked_on = "apt-0123456789ab"},
      {.name = "tool", .output_stage = "out-bin-tool", .artifact = "/recipe/units/2/tool-2", .linked_on = "base"},
      {.name = "zed", .output_stage = "out-bin-zed", .artifact = "/recipe/units/3/zed-3", .linked_on = "base"},
  };

  Fixture() {
    plan.host = "x86_64-unknown-linux-gnu";
    inputs.plan = &plan;
  }
};

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST(RuntimeStage, OnePackageListPerLinkStageAndOneImageInstallingThemAll) {
  Fixture f;
  std::string text = runtime_stages(f.inputs, f.bins);
  EXPECT_EQ(count(text, "\nFROM "), 3u) << text;
  EXPECT_NE(text.find("FROM apt-0123456789ab AS runtime-packages-apt-0123456789ab\n"), std::string::npos) << text;
  EXPECT_NE(text.find("FROM base AS runtime-packages-base\n"), std::string::npos) << text;
  // Both binaries linked on base are listed by one step.
  EXPECT_NE(text.find("\"/recipe/runtime/packages-base\", \"/recipe/runtime/bin/tool\", \"/recipe/runtime/bin/zed\"]"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("FROM cargo-recipe/runtime-base:bookworm AS runtime\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\"install-runtime-packages\", \"/recipe/runtime/packages-apt-0123456789ab\", "
                      "\"/recipe/runtime/packages-base\"]"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("COPY --from=out-bin-zed /recipe/units/3/zed-3 /usr/local/bin/zed\n"), std::string::npos) << text;
  EXPECT_EQ(text, runtime_stages(f.inputs, f.bins));
}

TEST(RuntimeStage, ModernDialectListsPackagesWithoutNetwork) {
  Fixture f;
  f.inputs.dialect = Dialect::parse("modern");
  std::string text = runtime_stages(f.inputs, f.bins);
  EXPECT_EQ(count(text, "RUN --network=none "), 2u) << text;
  EXPECT_EQ(count(text, "COPY --link --from="), 3u) << text;
}

TEST(RuntimeStage, NoStageWhereNoImageCanRunTheBinaries) {
  Fixture f;
  EXPECT_EQ(runtime_stages(f.inputs, {}), "\n# No runtime stage: no binaries.\n");
  f.inputs.distro = hints::Distro::alpine;
  EXPECT_EQ(runtime_stages(f.inputs, f.bins),
            "\n# No runtime stage: run-time packages are found with dpkg, on Debian images only.\n");
  f.inputs.distro = hints::Distro::debian;
  f.plan.targets = {"aarch64-unknown-linux-gnu"};
  EXPECT_EQ(runtime_stages(f.inputs, f.bins),
            "\n# No runtime stage: the binaries are built for another target than the host.\n");
  f.plan.targets = {"x86_64-unknown-linux-gnu"};
  EXPECT_NE(runtime_stages(f.inputs, f.bins).find(" AS runtime\n"), std::string::npos);
}

TEST(RuntimeStage, RefusesARuntimeBaseThatIsNotOneWord) {
  Fixture f;
  f.inputs.runtime_base = "debian:bookworm AS base\nRUN evil";
  EXPECT_THROW(runtime_stages(f.inputs, f.bins), InputError);
  f.inputs.runtime_base = "debian $(x)";
  EXPECT_THROW(runtime_stages(f.inputs, f.bins), InputError);
}

}  // namespace
}  // namespace recipe::emit
