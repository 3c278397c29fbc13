// System packages reach exactly the units that need them, and nothing else of a recipe changes.
#include "generator/emit/system_packages.hpp"

#include <map>

#include <gtest/gtest.h>

#include "generator/emit/recipe_inputs.hpp"
#include "generator/emit/stage_names.hpp"
#include "generator/hints/read_hints.hpp"
#include "tests/support/metadata_builder.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::emit {
namespace {

using plan::Mode;

// app (bin) -> wrapper (lib + build script) -> native-sys (lib + build script, links "native");
// steady (lib) stands apart.
testing::PlannedWorkspace native_workspace() {
  testing::MetadataBuilder b;
  b.package("app", "bin", true).package("wrapper", "lib", false, true).package("native-sys", "lib", false, true);
  b.package("steady").links("native-sys", "native");
  b.dep("app", {.name = "wrapper"}).dep("wrapper", {.name = "native-sys"}).dep("app", {.name = "steady"});
  return testing::plan_json(b.json());
}

hints::HintSet native_hints() {
  return hints::HintSet({hints::read_hints_file("[crates.native-sys]\napt = [\"pkg-config\", \"libnative-dev\"]\n",
                                                "hints.toml", "hints file hints.toml")});
}

std::vector<std::string> packages_of(const testing::PlannedWorkspace& planned,
                                     const std::vector<std::vector<hints::SystemPackage>>& packages,
                                     const plan::Unit& unit) {
  std::vector<std::string> words;
  for (const auto& p : packages[static_cast<size_t>(&unit - planned.plan.units.data())]) {
    words.push_back(p.install_word());
  }
  return words;
}

TEST(SystemPackages, OnlyBuildScriptRunsOfTheCrateAndItsLinksDependentsAndLinkingUnitsGetThem) {
  auto planned = native_workspace();
  auto packages = unit_system_packages(planned.plan, native_hints(), hints::Distro::debian);
  const std::vector<std::string> hint = {"libnative-dev", "pkg-config"};
  EXPECT_EQ(
      packages_of(planned, packages, planned.unit("native-sys", "build-script-build", true, Mode::run_custom_build)),
      hint);
  // wrapper's build script reads DEP_NATIVE_*: the headers of native-sys's packages.
  EXPECT_EQ(packages_of(planned, packages, planned.unit("wrapper", "build-script-build", true, Mode::run_custom_build)),
            hint);
  EXPECT_EQ(packages_of(planned, packages, planned.unit("app", "app")), hint);
  // Compiling an rlib, or a build script that links only std, needs no system package.
  EXPECT_TRUE(packages_of(planned, packages, planned.unit("native-sys", "native_sys")).empty());
  EXPECT_TRUE(packages_of(planned, packages, planned.unit("wrapper", "wrapper")).empty());
  EXPECT_TRUE(packages_of(planned, packages, planned.unit("native-sys", "build-script-build", true)).empty());
  EXPECT_TRUE(packages_of(planned, packages, planned.unit("steady", "steady")).empty());
}

TEST(SystemPackages, ACrossTargetGetsItsLibrariesForItsArchitectureAndToolsForTheBuildMachine) {
  testing::MetadataBuilder b;
  b.package("app", "bin", true).package("wrapper", "lib", false, true).package("native-sys", "lib", false, true);
  b.package("steady").links("native-sys", "native");
  b.dep("app", {.name = "wrapper"}).dep("wrapper", {.name = "native-sys"}).dep("app", {.name = "steady"});
  plan::PlanOptions cross;
  cross.targets = {"aarch64-unknown-linux-gnu"};
  model::Toolchain toolchain = testing::cross_toolchain();
  auto planned = testing::plan_json(b.json(), cross, "2", toolchain);
  auto packages =
      unit_system_packages(planned.plan, native_hints(), hints::Distro::debian, toolchain.deb_arch_by_triple());
  const std::vector<std::string> for_target = {"libnative-dev:arm64", "pkg-config"};
  EXPECT_EQ(
      packages_of(planned, packages, planned.unit("native-sys", "build-script-build", true, Mode::run_custom_build)),
      for_target);
  EXPECT_EQ(packages_of(planned, packages, planned.unit("app", "app")), for_target);
  // Without the target's architecture (a toolchain file that names none) they stay as written.
  auto native = unit_system_packages(planned.plan, native_hints(), hints::Distro::debian);
  EXPECT_EQ(packages_of(planned, native, planned.unit("app", "app")),
            (std::vector<std::string>{"libnative-dev", "pkg-config"}));
}

TEST(SystemPackages, ABuildScriptRunGetsThePackagesOfTheBuildDependenciesItLinks) {
  // zstd-sys's build script runs bindgen, whose clang-sys loads libclang as the script runs.
  testing::MetadataBuilder b;
  b.package("app", "bin", true).package("zstd-sys", "lib", false, true).package("clang-sys");
  b.dep("app", {.name = "zstd-sys"}).dep("zstd-sys", {.name = "clang-sys", .kind = "build"});
  auto planned = testing::plan_json(b.json());
  auto hints = hints::HintSet({hints::read_hints_file("[crates.clang-sys]\napt = [\"libclang-dev\"]\n", "hints.toml",
                                                      "hints file hints.toml")});
  auto packages = unit_system_packages(planned.plan, hints, hints::Distro::debian);
  const std::vector<std::string> clang = {"libclang-dev"};
  EXPECT_EQ(
      packages_of(planned, packages, planned.unit("zstd-sys", "build-script-build", true, Mode::run_custom_build)),
      clang);
  EXPECT_EQ(packages_of(planned, packages, planned.unit("zstd-sys", "build-script-build", true)), clang);
  // The binary links zstd-sys, not clang-sys.
  EXPECT_TRUE(packages_of(planned, packages, planned.unit("app", "app")).empty());
}

// Stage name -> its text, for a recipe of `planned` with `packages`.
std::map<std::string, std::string> stages(const testing::PlannedWorkspace& planned,
                                          std::vector<std::vector<hints::SystemPackage>> packages) {
  RecipeInputs inputs;
  inputs.plan = &planned.plan;
  inputs.sources.mode = SourceOptions::Mode::vendor;
  for (const auto& pkg : planned.workspace->packages) {
    inputs.path_package_entries[pkg.key] = {"Cargo.toml", "src"};
  }
  inputs.regenerate_command = {"cargo-recipe", "generate"};
  inputs.unit_packages = std::move(packages);
  std::string text = render_dockerfile(inputs);
  std::map<std::string, std::string> out;
  size_t at = text.find("\nFROM ");
  while (at != std::string::npos) {
    size_t next = text.find("\nFROM ", at + 1);
    std::string block = text.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    // A comment line belongs to the stage after it.
    while (block.ends_with("\n") || block.substr(block.rfind('\n', block.size() - 1) + 1).starts_with("#")) {
      block.erase(block.rfind('\n', block.size() - 1) == std::string::npos ? 0 : block.rfind('\n', block.size() - 1));
    }
    size_t as = block.find(" AS ");
    out[block.substr(as + 4, block.find('\n') - as - 4)] = block;
    at = next;
  }
  return out;
}

TEST(SystemPackages, AddingAHintChangesOnlyTheStagesOfTheUnitsThatUseIt) {
  auto planned = native_workspace();
  auto without = stages(planned, {});
  auto packages = unit_system_packages(planned.plan, native_hints(), hints::Distro::debian);
  auto with = stages(planned, packages);

  std::set<std::string> users;
  for (size_t i = 0; i < packages.size(); ++i) {
    if (!packages[i].empty()) {
      users.insert(unit_stage(planned.plan.units[i]));
    }
  }
  ASSERT_EQ(users.size(), 3u);
  std::set<std::string> changed;
  for (const auto& [name, text] : with) {
    auto before = without.find(name);
    if (before == without.end() || before->second != text) {
      changed.insert(name);
    }
  }
  std::string package_stage =
      package_set_stage(hints::Distro::debian, packages[0].empty() ? packages.back() : packages[0]);
  for (const auto& p : packages) {
    if (!p.empty()) {
      package_stage = package_set_stage(hints::Distro::debian, p);
    }
  }
  std::set<std::string> expected = users;
  expected.insert(package_stage);
  // The binary is linked on the package stage now: its run-time packages are listed there, and the
  // runtime image reads that list.
  expected.insert("runtime-packages-" + package_stage);
  expected.insert("runtime");
  EXPECT_EQ(changed, expected);
  EXPECT_EQ(with.size(), without.size() + 1);
  // The package stage installs the sorted set, exec form, nothing left in the apt lists.
  const std::string& install = with.at(package_stage);
  EXPECT_NE(install.find("--no-install-recommends \\\"$@\\\" && rm -rf /var/lib/apt/lists/*\""), std::string::npos)
      << install;
  EXPECT_NE(install.find("\"install-packages\", \"libnative-dev\", \"pkg-config\"]"), std::string::npos) << install;
  for (const auto& user : users) {
    EXPECT_EQ(with.at(user).rfind("FROM " + package_stage + " AS " + user, 0), 0u) << with.at(user);
  }
}

TEST(SystemPackages, AlpineInstallsWithApkAndNoCache) {
  auto planned = native_workspace();
  hints::HintSet set({hints::read_hints_file("[crates.native-sys]\napk = [\"native-dev=1.2-r0\"]\n", "h.toml", "h")});
  auto packages = unit_system_packages(planned.plan, set, hints::Distro::alpine);
  RecipeInputs inputs;
  inputs.plan = &planned.plan;
  inputs.sources.mode = SourceOptions::Mode::vendor;
  for (const auto& pkg : planned.workspace->packages) {
    inputs.path_package_entries[pkg.key] = {"Cargo.toml", "src"};
  }
  inputs.distro = hints::Distro::alpine;
  inputs.unit_packages = packages;
  std::string text = render_dockerfile(inputs);
  EXPECT_NE(text.find("\"apk add --no-cache \\\"$@\\\"\", \"install-packages\", \"native-dev=1.2-r0\"]"),
            std::string::npos);
  EXPECT_EQ(text.find("apt-get"), std::string::npos);
  // The Debian list of the built-in database never reaches an Alpine recipe.
  EXPECT_TRUE(unit_system_packages(planned.plan, native_hints(), hints::Distro::alpine)[0].empty());
}

}  // namespace
}  // namespace recipe::emit
