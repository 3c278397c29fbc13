#include "generator/plan/profile.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "generator/support/error.hpp"
#include "tests/support/metadata_builder.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::plan {
namespace {

using testing::MetadataBuilder;

std::vector<std::string> codegen(const Unit& unit) {
  return testing::codegen_options(unit);
}

bool has(const std::vector<std::string>& flags, const std::string& flag) {
  return std::ranges::find(flags, flag) != flags.end();
}

bool has_prefix(const std::vector<std::string>& flags, const std::string& prefix) {
  return std::ranges::any_of(flags, [&](const std::string& f) { return f.starts_with(prefix); });
}

// app (member bin) -> derive (proc-macro) and util (lib).
testing::PlannedWorkspace planned(const std::string& manifest, const std::string& rustc = "1.95.0",
                                  const std::string& profile = "release") {
  MetadataBuilder b;
  b.package("app", "bin", true).package("derive", "proc-macro").package("util");
  b.dep("app", {.name = "derive"}).dep("app", {.name = "util"});
  PlanOptions opts;
  opts.profile = profile;
  return testing::plan_json(b.json(), opts, "2", testing::linux_toolchain(rustc), manifest);
}

TEST(Profiles, HostCodeKeepsRustcsCodegenUnitsAndUnwinds) {
  auto p = planned("[profile.release]\ncodegen-units = 1\npanic = \"abort\"\n");
  EXPECT_TRUE(has(codegen(p.unit("util", "util")), "codegen-units=1"));
  EXPECT_TRUE(has(codegen(p.unit("app", "app")), "panic=abort"));
  auto derive = codegen(p.unit("derive", "derive", true));
  EXPECT_FALSE(has_prefix(derive, "codegen-units="));
  EXPECT_FALSE(has_prefix(derive, "panic="));
}

TEST(Profiles, BuildOverrideSetsHostCodegenUnits) {
  auto p = planned("[profile.release]\ncodegen-units = 1\n[profile.release.build-override]\ncodegen-units = 4\n");
  EXPECT_TRUE(has(codegen(p.unit("derive", "derive", true)), "codegen-units=4"));
}

TEST(Profiles, OverrideTableWithoutStripResetsIt) {
  const std::string manifest =
      "[profile.release]\nstrip = \"symbols\"\n[profile.release.package.\"*\"]\nopt-level = \"s\"\n";
  auto current = planned(manifest);
  EXPECT_TRUE(has(codegen(current.unit("app", "app")), "strip=symbols"));
  auto util = codegen(current.unit("util", "util"));
  EXPECT_TRUE(has(util, "opt-level=s"));
  EXPECT_TRUE(has(util, "strip=debuginfo"));  // reset to cargo's default, which 1.77+ resolves
  EXPECT_FALSE(has_prefix(codegen(planned(manifest, "1.63.0").unit("util", "util")), "strip="));
}

TEST(Profiles, OldCargoHasNoDefaultStripAndKeepsHostDebuginfo) {
  EXPECT_FALSE(has_prefix(codegen(planned("", "1.63.0").unit("util", "util")), "strip="));
  auto dev_old = planned("", "1.63.0", "dev");
  EXPECT_TRUE(has(codegen(dev_old.unit("derive", "derive", true)), "debuginfo=2"));
  auto dev_new = planned("", "1.95.0", "dev");
  EXPECT_FALSE(has_prefix(codegen(dev_new.unit("derive", "derive", true)), "debuginfo="));
  EXPECT_TRUE(has(codegen(dev_new.unit("app", "app")), "debuginfo=2"));
}

TEST(Profiles, ExplicitZeroDebuginfoIsSpelledOutByOldCargoOnly) {
  EXPECT_TRUE(has(codegen(planned("[profile.release]\ndebug = 0\n", "1.63.0").unit("app", "app")), "debuginfo=0"));
  EXPECT_FALSE(
      has_prefix(codegen(planned("[profile.release]\ndebug = false\n", "1.63.0").unit("app", "app")), "debuginfo"));
  EXPECT_FALSE(has_prefix(codegen(planned("[profile.release]\ndebug = 0\n").unit("app", "app")), "debuginfo"));
}

TEST(Profiles, NamedDebuginfoNeedsCargo171) {
  const std::string manifest = "[profile.release]\ndebug = \"line-tables-only\"\n";
  EXPECT_TRUE(has(codegen(planned(manifest).unit("app", "app")), "debuginfo=line-tables-only"));
  EXPECT_THROW(planned(manifest, "1.63.0"), InputError);
}

TEST(Profiles, SplitDebuginfoOnlyWithDebuginfoAndRpathAfterMetadata) {
  auto p = planned(
      "[profile.release]\nsplit-debuginfo = \"packed\"\nrpath = true\n[profile.release.package.util]\ndebug = 1\n");
  EXPECT_FALSE(has_prefix(codegen(p.unit("app", "app")), "split-debuginfo="));
  auto util = codegen(p.unit("util", "util"));
  EXPECT_TRUE(has(util, "debuginfo=1"));
  EXPECT_TRUE(has(util, "split-debuginfo=packed"));
  const auto& args = p.unit("app", "app").rustc_args;
  auto rpath = std::ranges::find(args, "rpath");
  auto metadata = std::ranges::find_if(args, [](const std::string& a) { return a.starts_with("metadata="); });
  ASSERT_NE(rpath, args.end());
  EXPECT_GT(rpath, metadata);
  // Linux rustc before 1.65 has no stable split-debuginfo: old cargo does not pass it.
  EXPECT_FALSE(has_prefix(
      codegen(planned("[profile.release]\nsplit-debuginfo = \"packed\"\ndebug = 2\n", "1.63.0").unit("app", "app")),
      "split-debuginfo="));
}

TEST(Profiles, CustomProfileInheritsAndOverrides) {
  auto p = planned(
      "[profile.dist]\ninherits = \"release\"\nopt-level = \"z\"\nlto = \"fat\"\n"
      "[profile.dist.package.util]\noverflow-checks = true\n",
      "1.95.0", "dist");
  auto app = codegen(p.unit("app", "app"));
  EXPECT_TRUE(has(app, "opt-level=z"));
  EXPECT_TRUE(has(app, "lto=fat"));
  EXPECT_TRUE(has(codegen(p.unit("util", "util")), "overflow-checks=on"));
  EXPECT_FALSE(has(app, "overflow-checks=on"));
}

}  // namespace
}  // namespace recipe::plan
