#include <algorithm>

#include <gtest/gtest.h>

#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "tests/support/metadata_builder.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::plan {
namespace {

using testing::MetadataBuilder;

std::vector<std::string> dep_names(const testing::PlannedWorkspace& planned, const Unit& unit) {
  std::vector<std::string> names;
  for (const auto& dep : unit.deps) {
    const Unit& d = planned.plan.units[dep.unit];
    names.push_back(dep.extern_crate_name + "=" + d.package->name + ":" + to_string(d.mode));
  }
  return names;
}

TEST(UnitGraph, BuildScriptCompileAndRunAreSeparateUnits) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("sys", "lib", false, true).package("cc");
  b.dep("app", {.name = "sys"}).dep("sys", {.name = "cc", .kind = "build"});
  auto planned = testing::plan_json(b.json());
  const Unit& lib = planned.unit("sys", "sys");
  EXPECT_EQ(dep_names(planned, lib), (std::vector<std::string>{"build_script_build=sys:run-custom-build"}));
  const Unit& run = planned.unit("sys", "build-script-build", true, Mode::run_custom_build);
  EXPECT_EQ(dep_names(planned, run), (std::vector<std::string>{"build_script_build=sys:build"}));
  const Unit& compile = planned.unit("sys", "build-script-build", true);
  EXPECT_EQ(dep_names(planned, compile), (std::vector<std::string>{"cc=cc:build"}));
  EXPECT_TRUE(planned.unit("cc", "cc", true).for_host);
  EXPECT_EQ(compile.profile.opt_level, "0");  // build-override
  EXPECT_EQ(lib.profile.opt_level, "3");
}

TEST(UnitGraph, LinksFeedOnlyDirectDependentsBuildScripts) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("wrapper", "lib", false, true).package("native-sys", "lib", false, true);
  b.package("tool", "lib", false, true);
  b.links("native-sys", "native");
  b.dep("app", {.name = "wrapper"}).dep("wrapper", {.name = "native-sys"}).dep("app", {.name = "tool"});
  b.dep("tool", {.name = "native-sys", .kind = "build"});
  auto planned = testing::plan_json(b.json());
  const Unit& run = planned.unit("wrapper", "build-script-build", true, Mode::run_custom_build);
  auto names = dep_names(planned, run);
  EXPECT_NE(std::find(names.begin(), names.end(), "build_script_build=native-sys:run-custom-build"), names.end());
  // A links package used only as a build-dependency feeds no DEP_* variables.
  const Unit& tool_run = planned.unit("tool", "build-script-build", true, Mode::run_custom_build);
  EXPECT_EQ(dep_names(planned, tool_run), (std::vector<std::string>{"build_script_build=tool:build"}));
}

TEST(UnitGraph, BinsLinkTheirOwnLibAndRenamesBecomeExternNames) {
  MetadataBuilder b;
  b.package("app", "lib", true).bin("app", "app-cli").package("serde-json");
  b.dep("app", {.name = "serde-json", .rename = "json"});
  auto planned = testing::plan_json(b.json());
  EXPECT_EQ(dep_names(planned, planned.unit("app", "app-cli")),
            (std::vector<std::string>{"app=app:build", "json=serde-json:build"}));
  EXPECT_EQ(planned.unit("app", "app-cli").env.at("CARGO_BIN_NAME"), "app-cli");
}

TEST(UnitGraph, RequiredFeaturesSkipBinsUnlessAskedFor) {
  MetadataBuilder b;
  b.package("app", "lib", true).bin("app", "plain").bin("app", "fancy", {"fancy"});
  b.feature("app", "fancy", {});
  auto planned = testing::plan_json(b.json());
  EXPECT_THROW(planned.unit("app", "fancy"), std::runtime_error);
  PlanOptions opts;
  opts.bins = {"fancy"};
  EXPECT_THROW(testing::plan_json(b.json(), opts), InputError);
  opts.features = {"fancy"};
  EXPECT_NO_THROW(testing::plan_json(b.json(), opts).unit("app", "fancy"));
}

TEST(UnitGraph, UnknownBinListsTheAvailableOnes) {
  MetadataBuilder b;
  b.package("app", "lib", true).bin("app", "one").bin("app", "two");
  PlanOptions opts;
  opts.bins = {"three"};
  try {
    testing::plan_json(b.json(), opts);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "no bin target named \"three\" (available: \"one\", \"two\")");
  }
}

TEST(UnitGraph, EveryFixtureOfGuppyPlans) {
  for (const char* name :
       {"small/metadata1.json", "small/metadata2.json", "small/builddep.json", "small/metadata_proc_macro1.json",
        "small/metadata_targets1.json", "large/hyper_util_7afb1ed.json", "large/metadata_libra_9ffd93b.json",
        "guppy/metadata_guppy_c9b4f76.json"}) {
    SCOPED_TRACE(name);
    std::string json = read_file(testing::test_data(std::string("fixtures/guppy/") + name));
    auto planned = testing::plan_json(json, {}, "1");
    EXPECT_FALSE(planned.plan.units.empty());
    // Property: ids are unique and every dependency index is in range.
    std::set<std::string> ids;
    for (const auto& unit : planned.plan.units) {
      EXPECT_TRUE(ids.insert(unit.id).second) << unit.package->key;
      for (const auto& dep : unit.deps) {
        EXPECT_LT(dep.unit, planned.plan.units.size());
      }
    }
  }
}

}  // namespace
}  // namespace recipe::plan
