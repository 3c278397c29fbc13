#include "generator/model/semver.hpp"

#include <gtest/gtest.h>

namespace recipe::model {
namespace {

bool satisfies(const std::string& req, const std::string& version) {
  return VersionReq::parse(req)->matches(*Version::parse(version));
}

TEST(Semver, CaretIsTheDefault) {
  EXPECT_TRUE(satisfies("1.2", "1.9.0"));
  EXPECT_FALSE(satisfies("1.2", "2.0.0"));
  EXPECT_TRUE(satisfies("^0.2.3", "0.2.9"));
  EXPECT_FALSE(satisfies("^0.2.3", "0.3.0"));
  EXPECT_TRUE(satisfies("^0.0.3", "0.0.3"));
  EXPECT_FALSE(satisfies("^0.0.3", "0.0.4"));
}

TEST(Semver, ComparatorsAndWildcards) {
  EXPECT_TRUE(satisfies(">=1.0, <1.5", "1.4.9"));
  EXPECT_FALSE(satisfies(">=1.0, <1.5", "1.5.0"));
  EXPECT_TRUE(satisfies("~1.2", "1.2.7"));
  EXPECT_FALSE(satisfies("~1.2", "1.3.0"));
  EXPECT_TRUE(satisfies("=1.0.3", "1.0.3"));
  EXPECT_FALSE(satisfies("=1.0.3", "1.0.4"));
  EXPECT_TRUE(satisfies("1.*", "1.8.0"));
  EXPECT_TRUE(satisfies("*", "7.0.0"));
}

TEST(Semver, PreReleasesMatchOnlyWhenNamed) {
  EXPECT_FALSE(satisfies("^1.0", "1.1.0-alpha.1"));
  EXPECT_TRUE(satisfies("=1.0.0-pre.1", "1.0.0-pre.1"));
  EXPECT_LT(Version::parse("1.0.0-alpha")->compare(*Version::parse("1.0.0")), 0);
  EXPECT_LT(Version::parse("1.0.0-alpha.2")->compare(*Version::parse("1.0.0-alpha.10")), 0);
}

TEST(Semver, RejectsGarbage) {
  EXPECT_FALSE(Version::parse("1.2").has_value());
  EXPECT_FALSE(VersionReq::parse("one").has_value());
}

}  // namespace
}  // namespace recipe::model
