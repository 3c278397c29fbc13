#include "generator/install/install_manifest.hpp"

#include <gtest/gtest.h>

#include "generator/cargo/toml_document.hpp"
#include "generator/support/error.hpp"

namespace recipe::install {
namespace {

TEST(InstallManifest, DropsDevDependenciesEverywhereAndKeepsTheRest) {
  std::string text = without_dev_dependencies(R"(
[package]
name = "tool"
version = "1.0.0"

[dependencies]
regex = "1"

[dev-dependencies]
html5ever = "0.25"
regex = { version = "1", features = ["unicode"] }

[dev-dependencies.tendril]
version = "0.4"

[build-dependencies]
cc = "1"

[target.'cfg(unix)'.dev-dependencies]
nix = "0.26"

[target.'cfg(unix)'.dependencies]
libc = "0.2"

[dev_dependencies]
old = "1"
)",
                                              "Cargo.toml");
  toml::table manifest = cargo::parse_toml(text, "out");
  EXPECT_FALSE(manifest.contains("dev-dependencies"));
  EXPECT_FALSE(manifest.contains("dev_dependencies"));
  EXPECT_FALSE(manifest["target"]["cfg(unix)"].as_table()->contains("dev-dependencies"));
  EXPECT_EQ(manifest["target"]["cfg(unix)"]["dependencies"]["libc"].value<std::string>(), "0.2");
  EXPECT_EQ(manifest["dependencies"]["regex"].value<std::string>(), "1");
  EXPECT_EQ(manifest["build-dependencies"]["cc"].value<std::string>(), "1");
  EXPECT_EQ(manifest["package"]["name"].value<std::string>(), "tool");
}

TEST(InstallManifest, FeatureValuesNamingOnlyDevDependenciesGoFeatureNamesStay) {
  std::string text = without_dev_dependencies(R"(
[package]
name = "tool"
version = "1.0.0"

[dependencies]
serde = { version = "1", optional = true }

[dev-dependencies]
serde = "1"
criterion = "0.4"

[features]
default = ["cli"]
cli = []
bench = ["criterion/html_reports", "criterion?/real_blackbox"]
derive = ["serde/derive", "dep:serde"]
)",
                                              "Cargo.toml");
  toml::table manifest = cargo::parse_toml(text, "out");
  const toml::table& features = *manifest["features"].as_table();
  EXPECT_EQ(features.size(), 4u);
  EXPECT_TRUE(features.at("bench").as_array()->empty());
  ASSERT_EQ(features.at("derive").as_array()->size(), 2u);
  EXPECT_EQ(features.at("derive").as_array()->at(0).value<std::string>(), "serde/derive");
  EXPECT_EQ(features.at("default").as_array()->at(0).value<std::string>(), "cli");
}

TEST(InstallManifest, NotTomlIsAnInputErrorWithItsPlace) {
  try {
    without_dev_dependencies("[package\n", "vendor/x/Cargo.toml");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with("vendor/x/Cargo.toml:1:")) << e.what();
  }
}

}  // namespace
}  // namespace recipe::install
