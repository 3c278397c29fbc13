// Which source wins: merge order, version requirements, distros apart, pins.
#include "generator/hints/resolve.hpp"

#include <gtest/gtest.h>

#include "generator/hints/builtin.hpp"
#include "generator/hints/collect.hpp"
#include "generator/hints/manifest_hints.hpp"
#include "generator/hints/read_hints.hpp"
#include "generator/cargo/metadata.hpp"
#include "generator/support/error.hpp"
#include "tests/support/metadata_builder.hpp"

namespace recipe::hints {
namespace {

HintSource file(const std::string& text, const std::string& name) {
  return read_hints_file(text, name + ".toml", name);
}

std::vector<std::string> words(const std::optional<Decision>& decision) {
  std::vector<std::string> out;
  if (decision) {
    for (const auto& p : decision->packages) {
      out.push_back(p.install_word());
    }
  }
  return out;
}

TEST(Resolve, LaterSourcesWinAndReplace) {
  HintSet set({file("[crates.libz-sys]\napt = [\"zlib1g-dev\", \"pkg-config\"]\napk = [\"zlib-dev\"]\n", "first"),
               file("[crates.libz-sys]\napt = [\"zlib1g-dev (=1:1.2.13.dfsg-1)\"]\n", "second")});
  auto debian = set.for_crate("libz-sys", "1.1.8", Distro::debian);
  EXPECT_EQ(words(debian), (std::vector<std::string>{"zlib1g-dev=1:1.2.13.dfsg-1"}));
  EXPECT_EQ(debian->source, "second");
  EXPECT_EQ(debian->overridden, (std::vector<std::string>{"first (libz-sys)"}));
  // The second source has no apk list: on Alpine the first still stands.
  auto alpine = set.for_crate("libz-sys", "1.1.8", Distro::alpine);
  EXPECT_EQ(words(alpine), (std::vector<std::string>{"zlib-dev"}));
  EXPECT_EQ(alpine->source, "first");
}

TEST(Resolve, AnEmptyListRemovesAHint) {
  HintSet set({builtin_hints(), file("[crates.libz-sys]\napt = []\n", "no-zlib")});
  auto decision = set.for_crate("libz-sys", "1.1.8", Distro::debian);
  ASSERT_TRUE(decision);
  EXPECT_TRUE(decision->packages.empty());
  EXPECT_EQ(decision->source, "no-zlib");
  EXPECT_EQ(decision->overridden, (std::vector<std::string>{"built-in database (libz-sys)"}));
}

TEST(Resolve, AMatchingVersionRequirementBeatsTheBareName) {
  HintSet set({file(R"([crates.openssl-sys]
apt = ["libssl-dev"]
[crates."openssl-sys@<0.9"]
apt = ["libssl1.0-dev"]
)",
                    "versions")});
  EXPECT_EQ(words(set.for_crate("openssl-sys", "0.8.3", Distro::debian)), (std::vector<std::string>{"libssl1.0-dev"}));
  EXPECT_EQ(words(set.for_crate("openssl-sys", "0.9.80", Distro::debian)), (std::vector<std::string>{"libssl-dev"}));
  EXPECT_EQ(set.for_crate("openssl-sys", "0.9.80", Distro::debian)->entry, "openssl-sys");
  EXPECT_FALSE(set.for_crate("libgit2-sys", "0.14.2", Distro::debian));
}

TEST(Resolve, PinsMergeAndConflictingPinsAreErrors) {
  auto merged = merge_packages({{"libssl-dev", ""}, {"pkg-config", ""}, {"libssl-dev", "3.0.15-1"}}, "here");
  EXPECT_EQ(merged, (std::vector<SystemPackage>{{"libssl-dev", "3.0.15-1"}, {"pkg-config", ""}}));
  try {
    merge_packages({{"libssl-dev", "3.0.15-1"}, {"libssl-dev", "3.0.14-1"}}, "the packages of app@1.0.0 app");
    FAIL() << "conflicting pins were accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "the packages of app@1.0.0 app: package \"libssl-dev\" is pinned to both \"3.0.14-1\" and \"3.0.15-1\" "
              "(keep one pin)");
  }
}

TEST(Resolve, MergeOrderIsBuiltinFilesPackageWorkspaceThenAdded) {
  // Each source names openssl-sys differently; each later one must win over all before it.
  testing::MetadataBuilder b;
  b.package("app", "bin", true).package("openssl-sys", "lib", false, true).links("openssl-sys", "openssl");
  b.dep("app", {.name = "openssl-sys"});
  b.metadata("openssl-sys",
             {{"recipe", {{"apt", {"from-package-recipe"}}}}, {"green", {{"add", {{"apt", {"from-package-green"}}}}}}});
  b.metadata("", {{"recipe", {{"crates", {{"openssl-sys", {{"apk", {"from-workspace"}}}}}}}}});
  model::Workspace ws = cargo::parse_metadata(b.json(), "metadata.json");

  HintOptions options;
  options.add_apt = "added-everywhere";
  HintSet set = collect_hints(options, {}, &ws);
  std::vector<std::string> names;
  for (const auto& source : set.sources()) {
    names.push_back(source.name);
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{"built-in database", "[package.metadata.green] of openssl-sys@1.0.0",
                                      "[package.metadata.recipe] of openssl-sys@1.0.0", "[workspace.metadata.recipe]",
                                      "--add-apt/--add-apk (or CARGO_RECIPE_ADD_APT/CARGO_RECIPE_ADD_APK)"}));
  auto debian = set.for_crate("openssl-sys", "1.0.0", Distro::debian);
  EXPECT_EQ(words(debian), (std::vector<std::string>{"from-package-recipe"}));
  EXPECT_EQ(debian->overridden,
            (std::vector<std::string>{"built-in database (openssl-sys)",
                                      "[package.metadata.green] of openssl-sys@1.0.0 (openssl-sys@=1.0.0)"}));
  EXPECT_EQ(words(set.for_crate("openssl-sys", "1.0.0", Distro::alpine)), (std::vector<std::string>{"from-workspace"}));
  EXPECT_EQ(set.everywhere(Distro::debian), (std::vector<SystemPackage>{{"added-everywhere", ""}}));
  EXPECT_TRUE(set.everywhere(Distro::alpine).empty());
}

TEST(Resolve, InvalidManifestMetadataNamesThePackageAndKey) {
  testing::MetadataBuilder b;
  b.package("app", "bin", true).metadata("app", {{"recipe", {{"apt", "libfoo-dev"}}}});
  model::Workspace ws = cargo::parse_metadata(b.json(), "metadata.json");
  try {
    manifest_hint_sources(ws);
    FAIL() << "an invalid [package.metadata.recipe] was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "Cargo.toml of app@1.0.0: [package.metadata.recipe]: apt: must be an array of package names, "
              "e.g. [\"libssl-dev\"]");
  }
}

TEST(Resolve, TheDistroComesFromTheOptionThenTheToolchainThenTheImageName) {
  EXPECT_EQ(decide_distro("alpine", "debian", "x"), Distro::alpine);
  EXPECT_EQ(decide_distro("", "ubuntu", "alpine:3.20"), Distro::debian);
  EXPECT_EQ(decide_distro("", "", "rust:1.80-alpine3.20"), Distro::alpine);
  EXPECT_EQ(decide_distro("", "", "rust:1.80-bookworm"), Distro::debian);
  try {
    decide_distro("alpin", "", "");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "--distro: unknown distro \"alpin\", did you mean \"alpine\"? (cargo-recipe installs packages on "
              "debian or alpine)");
  }
  EXPECT_THROW(decide_distro("", "fedora", ""), InputError);
}

}  // namespace
}  // namespace recipe::hints
