#include "generator/plan/lto.hpp"

#include <algorithm>

#include <gtest/gtest.h>

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

// app (bin) -> derive (proc-macro), util (lib with a build script) -> base (lib).
MetadataBuilder workspace() {
  MetadataBuilder b;
  b.package("app", "bin", true).package("derive", "proc-macro").package("util", "lib", false, true).package("base");
  b.dep("app", {.name = "derive"}).dep("app", {.name = "util"}).dep("util", {.name = "base"});
  b.dep("derive", {.name = "base"});
  return b;
}

testing::PlannedWorkspace planned(const std::string& manifest, const std::string& rustc = "1.95.0") {
  return testing::plan_json(workspace().json(), {}, "2", testing::linux_toolchain(rustc), manifest);
}

TEST(Lto, ThinLeavesProcMacroAndItsDependenciesObjectCode) {
  auto p = planned("[profile.release]\nlto = \"thin\"\n");
  EXPECT_TRUE(has(codegen(p.unit("app", "app")), "lto=thin"));
  EXPECT_TRUE(has(codegen(p.unit("util", "util")), "linker-plugin-lto"));
  EXPECT_TRUE(has(codegen(p.unit("base", "base")), "linker-plugin-lto"));
  // The proc-macro is loaded by rustc as a shared object: objects only, as cargo gives it.
  auto derive = codegen(p.unit("derive", "derive", true));
  EXPECT_TRUE(has(derive, "embed-bitcode=no"));
  EXPECT_FALSE(has(derive, "linker-plugin-lto"));
  EXPECT_TRUE(has(codegen(p.unit("base", "base", true)), "embed-bitcode=no"));
  EXPECT_TRUE(has(codegen(p.unit("util", "build-script-build", true)), "embed-bitcode=no"));
}

TEST(Lto, TrueIsBareLtoAndFatIsNamed) {
  EXPECT_TRUE(has(codegen(planned("[profile.release]\nlto = true\n").unit("app", "app")), "lto"));
  EXPECT_TRUE(has(codegen(planned("[profile.release]\nlto = \"fat\"\n").unit("app", "app")), "lto=fat"));
}

TEST(Lto, OffReachesEveryTargetDependency) {
  auto p = planned("[profile.release]\nlto = \"off\"\n");
  for (const auto* name : {"app", "util", "base"}) {
    auto flags = codegen(p.unit(name, name));
    EXPECT_TRUE(has(flags, "lto=off")) << name;
    EXPECT_TRUE(has(flags, "embed-bitcode=no")) << name;
  }
  EXPECT_FALSE(has(codegen(p.unit("derive", "derive", true)), "lto=off"));
}

TEST(Lto, DefaultProfileBuildsObjectsOnly) {
  auto p = planned("");
  for (const auto* name : {"app", "util", "base"}) {
    EXPECT_TRUE(has(codegen(p.unit(name, name)), "embed-bitcode=no")) << name;
  }
}

TEST(Lto, MixedRlibAndCdylibRootNeedsBothObjectsAndBitcode) {
  MetadataBuilder b;
  b.package("plugin", "cdylib", true).package("base");
  b.dep("plugin", {.name = "base"});
  auto p = testing::plan_json(b.json(), {}, "2", testing::linux_toolchain("1.95.0"), "[profile.release]\nlto = true\n");
  // A cdylib alone links with LTO; its rlib dependency only contributes bitcode.
  EXPECT_TRUE(has(codegen(p.unit("plugin", "plugin")), "lto"));
  EXPECT_TRUE(has(codegen(p.unit("base", "base")), "linker-plugin-lto"));
}

TEST(Lto, DylibOfAnotherPackagePrefersDynamicAndCarriesObjects) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("shared", "dylib").package("base");
  b.dep("app", {.name = "shared"}).dep("shared", {.name = "base"});
  auto p = testing::plan_json(b.json(), {}, "2", testing::linux_toolchain("1.95.0"), "[profile.release]\nlto = true\n");
  auto shared = codegen(p.unit("shared", "shared"));
  EXPECT_TRUE(has(shared, "prefer-dynamic"));
  EXPECT_TRUE(has(shared, "embed-bitcode=no"));  // rustc has no LTO for a dylib
  EXPECT_TRUE(has(codegen(p.unit("base", "base")), "embed-bitcode=no"));
}

}  // namespace
}  // namespace recipe::plan
