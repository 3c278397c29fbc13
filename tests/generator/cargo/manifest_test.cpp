#include "generator/cargo/manifest.hpp"

#include <gtest/gtest.h>

#include "generator/support/error.hpp"

namespace recipe::cargo {
namespace {

TEST(RootManifest, ReadsResolverAndProfiles) {
  model::RootManifest m = parse_root_manifest(R"(
[workspace]
resolver = "2"
members = ["a"]

[profile.release]
lto = true
codegen-units = 1
debug = "limited"
strip = true

[profile.release.build-override]
opt-level = 2

[profile.release.package."*"]
opt-level = "s"

[profile.dist]
inherits = "release"
panic = "abort"
)",
                                              "Cargo.toml");
  EXPECT_EQ(m.resolver, "2");
  const model::ProfileToml& release = m.profiles.at("release");
  EXPECT_EQ(release.lto, "true");
  EXPECT_EQ(release.codegen_units, 1);
  EXPECT_EQ(release.debug, "1");
  EXPECT_EQ(release.strip, "symbols");
  ASSERT_TRUE(release.build_override);
  EXPECT_EQ(release.build_override->opt_level, "2");
  EXPECT_EQ(release.packages.at("*").opt_level, "s");
  EXPECT_EQ(m.profiles.at("dist").inherits, "release");
}

TEST(RootManifest, BadValueNamesKeyAndAllowedValues) {
  try {
    parse_root_manifest("[profile.release]\npanic = \"explode\"\n", "Cargo.toml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "Cargo.toml:2:9: profile.release.panic: invalid value \"explode\" (expected one of abort, unwind)");
  }
}

}  // namespace
}  // namespace recipe::cargo
