// Feature resolution cases from cargo's documented semantics (resolver 1 vs 2, dep:, weak, x/f).
#include <map>

#include <gtest/gtest.h>

#include "generator/support/error.hpp"
#include "tests/support/metadata_builder.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::plan {
namespace {

using testing::MetadataBuilder;
using Features = std::set<std::string>;

TEST(Features, DepPrefixDoesNotCreateAnImplicitFeature) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("opt");
  b.dep("app", {.name = "opt", .optional = true})
      .feature("app", "turbo", {"dep:opt"})
      .feature("app", "default", {"turbo"});
  auto planned = testing::plan_json(b.json());
  EXPECT_TRUE(planned.has_unit("opt", false));
  EXPECT_EQ(planned.unit("app", "app").features, (Features{"default", "turbo"}));
  PlanOptions opts;
  opts.features = {"opt"};
  EXPECT_THROW(testing::plan_json(b.json(), opts), InputError);
}

TEST(Features, WeakDependencyFeatureDoesNotEnableOptionalDep) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("opt");
  b.dep("app", {.name = "opt", .optional = true}).feature("app", "default", {"opt?/fast"});
  b.feature("opt", "fast", {});
  auto planned = testing::plan_json(b.json());
  EXPECT_FALSE(planned.has_unit("opt", false));
}

TEST(Features, WeakDependencyFeatureAppliesOnceTheDepIsOn) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("opt");
  b.dep("app", {.name = "opt", .optional = true}).feature("app", "default", {"opt?/fast", "opt"});
  b.feature("opt", "fast", {});
  auto planned = testing::plan_json(b.json());
  EXPECT_EQ(planned.unit("opt", "opt").features, (Features{"fast"}));
}

TEST(Features, SlashFeatureEnablesTheOptionalDepAndItsImplicitFeature) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("opt");
  b.dep("app", {.name = "opt", .optional = true}).feature("app", "default", {"opt/fast"});
  b.feature("opt", "fast", {});
  auto planned = testing::plan_json(b.json());
  EXPECT_EQ(planned.unit("opt", "opt").features, (Features{"fast"}));
  EXPECT_EQ(planned.unit("app", "app").features, (Features{"default", "opt"}));
}

TEST(Features, DefaultOnlyWhenDeclared) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("lib-a").package("lib-b");
  b.dep("app", {.name = "lib-a"}).dep("app", {.name = "lib-b", .default_features = false});
  b.feature("lib-a", "x", {});
  b.feature("lib-b", "default", {"y"}).feature("lib-b", "y", {});
  auto planned = testing::plan_json(b.json());
  EXPECT_EQ(planned.unit("lib-a", "lib_a").features, Features{});
  EXPECT_EQ(planned.unit("lib-b", "lib_b").features, Features{});
}

TEST(Features, Resolver2SeparatesBuildDependencyFeatures) {
  MetadataBuilder b;
  b.package("app", "bin", true, true).package("shared");
  b.dep("app", {.name = "shared", .features = {"normal"}})
      .dep("app", {.name = "shared", .kind = "build", .features = {"build"}});
  b.feature("shared", "normal", {}).feature("shared", "build", {});
  auto v2 = testing::plan_json(b.json(), {}, "2");
  EXPECT_EQ(v2.unit("shared", "shared", false).features, (Features{"normal"}));
  EXPECT_EQ(v2.unit("shared", "shared", true).features, (Features{"build"}));
  auto v1 = testing::plan_json(b.json(), {}, "1");
  EXPECT_EQ(v1.unit("shared", "shared", false).features, (Features{"build", "normal"}));
  EXPECT_EQ(v1.unit("shared", "shared", true).features, (Features{"build", "normal"}));
}

TEST(Features, Resolver2IgnoresOtherPlatformsAndResolver1DoesNot) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("shared").package("winonly");
  b.dep("app", {.name = "shared"}).dep("app", {.name = "shared", .features = {"win"}, .target = "cfg(windows)"});
  b.dep("app", {.name = "winonly", .target = "cfg(windows)"});
  b.feature("shared", "win", {});
  auto v2 = testing::plan_json(b.json(), {}, "2");
  EXPECT_EQ(v2.unit("shared", "shared").features, Features{});
  EXPECT_FALSE(v2.has_unit("winonly", false));
  auto v1 = testing::plan_json(b.json(), {}, "1");
  EXPECT_EQ(v1.unit("shared", "shared").features, (Features{"win"}));
  EXPECT_FALSE(v1.has_unit("winonly", false));  // features leak, units do not
  PlanOptions windows;
  windows.targets = {"x86_64-pc-windows-gnu"};
  auto cross = testing::plan_json(b.json(), windows, "2");
  EXPECT_EQ(cross.unit("shared", "shared").features, (Features{"win"}));
  EXPECT_TRUE(cross.has_unit("winonly", false));
}

TEST(Features, SeveralTargetsShareFeaturesButEachBuildsOnlyItsOwnDependencies) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("shared").package("winonly");
  b.dep("app", {.name = "shared"}).dep("app", {.name = "shared", .features = {"win"}, .target = "cfg(windows)"});
  b.dep("app", {.name = "winonly", .target = "cfg(windows)"});
  b.feature("shared", "win", {});
  PlanOptions both;
  both.targets = {"x86_64-unknown-linux-gnu", "x86_64-pc-windows-gnu"};
  auto planned = testing::plan_json(b.json(), both, "2");
  // Cargo resolves features once for every requested target: Linux's shared gets "win" too.
  std::map<std::string, Features> shared_by_target;
  std::set<std::string> winonly_targets;
  for (const auto& unit : planned.plan.units) {
    if (unit.package->name == "shared") {
      shared_by_target[unit.platform.value_or("")] = unit.features;
    } else if (unit.package->name == "winonly") {
      winonly_targets.insert(unit.platform.value_or(""));
    }
  }
  EXPECT_EQ(shared_by_target, (std::map<std::string, Features>{{"x86_64-pc-windows-gnu", {"win"}},
                                                               {"x86_64-unknown-linux-gnu", {"win"}}}));
  EXPECT_EQ(winonly_targets, (std::set<std::string>{"x86_64-pc-windows-gnu"}));
  EXPECT_EQ(planned.plan.roots.size(), 2U);
}

TEST(Features, DevDependenciesCountOnlyUnderResolver1) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("shared");
  b.dep("app", {.name = "shared"}).dep("app", {.name = "shared", .kind = "dev", .features = {"testing"}});
  b.feature("shared", "testing", {});
  EXPECT_EQ(testing::plan_json(b.json(), {}, "2").unit("shared", "shared").features, Features{});
  EXPECT_EQ(testing::plan_json(b.json(), {}, "1").unit("shared", "shared").features, (Features{"testing"}));
}

TEST(Features, ProcMacroDependenciesGetHostFeatures) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("derive", "proc-macro").package("shared");
  b.dep("app", {.name = "derive"}).dep("app", {.name = "shared", .features = {"runtime"}});
  b.dep("derive", {.name = "shared", .features = {"parse"}});
  b.feature("shared", "runtime", {}).feature("shared", "parse", {});
  auto planned = testing::plan_json(b.json());
  EXPECT_EQ(planned.unit("shared", "shared", false).features, (Features{"runtime"}));
  EXPECT_EQ(planned.unit("shared", "shared", true).features, (Features{"parse"}));
  EXPECT_TRUE(planned.unit("derive", "derive", true).for_host);
}

TEST(Features, CommandLineFeaturesAndAllFeatures) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("opt");
  b.dep("app", {.name = "opt", .optional = true}).feature("app", "extra", {}).feature("opt", "fast", {});
  PlanOptions opts;
  opts.features = {"extra", "opt/fast"};
  auto planned = testing::plan_json(b.json(), opts);
  EXPECT_EQ(planned.unit("app", "app").features, (Features{"extra", "opt"}));
  EXPECT_EQ(planned.unit("opt", "opt").features, (Features{"fast"}));
  PlanOptions all;
  all.all_features = true;
  EXPECT_EQ(testing::plan_json(b.json(), all).unit("app", "app").features, (Features{"extra", "opt"}));
  PlanOptions unknown;
  unknown.features = {"nope"};
  EXPECT_THROW(testing::plan_json(b.json(), unknown), InputError);
}

}  // namespace
}  // namespace recipe::plan
