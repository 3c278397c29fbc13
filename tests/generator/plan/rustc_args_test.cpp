#include "generator/plan/rustc_args.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "generator/support/error.hpp"
#include "tests/support/metadata_builder.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::plan {
namespace {

using testing::MetadataBuilder;

bool has_pair(const std::vector<std::string>& args, const std::string& flag, const std::string& value) {
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == flag && args[i + 1] == value) {
      return true;
    }
  }
  return false;
}

MetadataBuilder workspace() {
  MetadataBuilder b;
  b.package("app", "bin", true).package("derive", "proc-macro").package("util", "lib", false, true);
  b.dep("app", {.name = "derive"}).dep("app", {.name = "util", .features = {"std"}});
  b.feature("util", "std", {}).feature("util", "alloc", {});
  return b;
}

TEST(RustcArgs, ReleaseLibLooksLikeCargos) {
  auto planned = testing::plan_json(workspace().json(), {}, "2", testing::linux_toolchain("1.95.0"));
  const Unit& util = planned.unit("util", "util");
  const auto& args = util.rustc_args;
  EXPECT_EQ(std::vector<std::string>(args.begin(), args.begin() + 3),
            (std::vector<std::string>{"--crate-name", "util", "--edition=2021"}));
  EXPECT_TRUE(has_pair(args, "--crate-type", "lib"));
  EXPECT_NE(std::find(args.begin(), args.end(), "--emit=dep-info,metadata,link"), args.end());
  EXPECT_TRUE(has_pair(args, "-C", "opt-level=3"));
  EXPECT_TRUE(has_pair(args, "-C", "embed-bitcode=no"));
  EXPECT_TRUE(has_pair(args, "-C", "strip=debuginfo"));
  EXPECT_TRUE(has_pair(args, "--cfg", "feature=\"std\""));
  EXPECT_TRUE(has_pair(args, "--check-cfg", "cfg(feature, values(\"alloc\", \"std\"))"));
  EXPECT_TRUE(has_pair(args, "--cap-lints", "allow"));
  EXPECT_EQ(util.env.at("OUT_DIR").rfind("/recipe/units/", 0), 0u);
}

TEST(RustcArgs, OldToolchainGetsNoCheckCfg) {
  auto planned = testing::plan_json(workspace().json(), {}, "2", testing::linux_toolchain("1.63.0"));
  const auto& args = planned.unit("util", "util").rustc_args;
  EXPECT_EQ(std::find(args.begin(), args.end(), "--check-cfg"), args.end());
}

TEST(RustcArgs, ProcMacroAndBinFlags) {
  auto planned = testing::plan_json(workspace().json());
  const auto& derive = planned.unit("derive", "derive", true).rustc_args;
  EXPECT_TRUE(has_pair(derive, "-C", "prefer-dynamic"));
  EXPECT_TRUE(has_pair(derive, "--extern", "proc_macro"));
  EXPECT_FALSE(has_pair(derive, "-C", "opt-level=3"));  // build-override: opt-level 0
  const auto& app = planned.unit("app", "app").rustc_args;
  EXPECT_NE(std::find(app.begin(), app.end(), "--emit=dep-info,link"), app.end());
  EXPECT_EQ(std::count(app.begin(), app.end(), "--extern"), 2);
  EXPECT_EQ(std::find(app.begin(), app.end(), "--cap-lints"), app.end());  // a path package shows warnings
  EXPECT_EQ(planned.unit("app", "app").env.at("CARGO_PRIMARY_PACKAGE"), "1");
}

TEST(RustcArgs, BuildScriptRunEnvironment) {
  auto planned = testing::plan_json(workspace().json(), {}, "2", testing::linux_toolchain("1.95.0"));
  const Unit& run = planned.unit("util", "build-script-build", true, Mode::run_custom_build);
  EXPECT_EQ(run.env.at("CARGO_FEATURE_STD"), "1");
  EXPECT_EQ(run.env.at("CARGO_CFG_TARGET_HAS_ATOMIC"), "16,32,64,8,ptr");
  EXPECT_EQ(run.env.at("CARGO_CFG_UNIX"), "");
  EXPECT_FALSE(run.env.contains("CARGO_CFG_DEBUG_ASSERTIONS"));
  EXPECT_EQ(run.env.at("OPT_LEVEL"), "3");  // the target profile, not build-override
  EXPECT_EQ(run.env.at("PROFILE"), "release");
  EXPECT_EQ(run.env.at("TARGET"), "x86_64-unknown-linux-gnu");
  EXPECT_EQ(run.env.at("CARGO_CFG_FEATURE"), "std");
  EXPECT_TRUE(run.rustc_args.empty());
}

TEST(RustcArgs, CrossTargetUnitsGetTheTargetsLinkerAndBuildScriptsItsTools) {
  PlanOptions cross;
  cross.targets = {"aarch64-unknown-linux-gnu"};
  auto planned = testing::plan_json(workspace().json(), cross, "2", testing::cross_toolchain());
  // Target units: --target, then the linker, as cargo orders them; host units neither.
  const auto& app = planned.unit("app", "app").rustc_args;
  auto target = std::find(app.begin(), app.end(), "--target");
  ASSERT_NE(target, app.end());
  EXPECT_EQ(std::vector<std::string>(target, target + 4),
            (std::vector<std::string>{"--target", "aarch64-unknown-linux-gnu", "-C", "linker=aarch64-linux-gnu-gcc"}));
  for (const auto* host :
       {&planned.unit("derive", "derive", true), &planned.unit("util", "build-script-build", true)}) {
    EXPECT_EQ(std::find(host->rustc_args.begin(), host->rustc_args.end(), "--target"), host->rustc_args.end());
    EXPECT_FALSE(has_pair(host->rustc_args, "-C", "linker=aarch64-linux-gnu-gcc"));
  }
  const Unit& run = planned.unit("util", "build-script-build", true, Mode::run_custom_build);
  EXPECT_EQ(run.platform, "aarch64-unknown-linux-gnu");
  EXPECT_EQ(run.env.at("TARGET"), "aarch64-unknown-linux-gnu");
  EXPECT_EQ(run.env.at("HOST"), "x86_64-unknown-linux-gnu");
  EXPECT_EQ(run.env.at("CARGO_CFG_TARGET_ARCH"), "aarch64");
  EXPECT_EQ(run.env.at("RUSTC_LINKER"), "aarch64-linux-gnu-gcc");
  EXPECT_EQ(run.env.at("CC_aarch64_unknown_linux_gnu"), "aarch64-linux-gnu-gcc");
  EXPECT_EQ(run.env.at("PKG_CONFIG_LIBDIR_aarch64_unknown_linux_gnu"), "/usr/lib/aarch64-linux-gnu/pkgconfig");
}

TEST(RustcArgs, ATargetTheToolchainLacksIsRefusedNamingWhatItHas) {
  PlanOptions cross;
  cross.targets = {"riscv64gc-unknown-linux-gnu"};
  try {
    testing::plan_json(workspace().json(), cross, "2", testing::cross_toolchain());
    FAIL() << "planned for a target the toolchain lacks";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("the toolchain supports no target \"riscv64gc-unknown-linux-gnu\" (it has "
                                         "aarch64-unknown-linux-gnu, x86_64-unknown-linux-gnu;"),
              std::string::npos)
        << e.what();
  }
}

TEST(RustcArgs, EnvifyMatchesCargo) {
  EXPECT_EQ(envify("serde-derive"), "SERDE_DERIVE");
  EXPECT_EQ(envify("target_has_atomic"), "TARGET_HAS_ATOMIC");
}

}  // namespace
}  // namespace recipe::plan
