#include "generator/model/cfg_expr.hpp"

#include <gtest/gtest.h>

#include "generator/support/error.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::model {
namespace {

const CfgSet& linux_cfg() {
  static const model::Toolchain toolchain = testing::linux_toolchain();
  return toolchain.cfg("x86_64-unknown-linux-gnu");
}

bool matches(const std::string& platform) {
  return Platform::parse(platform).matches(linux_cfg());
}

TEST(CfgExpr, EvaluatesAgainstRustcPrintCfg) {
  EXPECT_TRUE(matches("cfg(unix)"));
  EXPECT_FALSE(matches("cfg(windows)"));
  EXPECT_TRUE(matches("cfg(target_os = \"linux\")"));
  EXPECT_TRUE(matches("cfg(all(unix, target_pointer_width = \"64\"))"));
  EXPECT_FALSE(matches("cfg(any(windows, target_os = \"macos\"))"));
  EXPECT_TRUE(matches("cfg(not(target_env = \"msvc\"))"));
  EXPECT_TRUE(matches("cfg(target_feature = \"sse2\")"));
  EXPECT_TRUE(matches("cfg(all())"));
  EXPECT_FALSE(matches("cfg(any())"));
}

TEST(CfgExpr, TripleMatchesOnlyItself) {
  EXPECT_TRUE(matches("x86_64-unknown-linux-gnu"));
  EXPECT_FALSE(matches("x86_64-pc-windows-gnu"));
}

TEST(CfgExpr, MalformedExpressionIsAnInputError) {
  EXPECT_THROW(Platform::parse("cfg(all(unix)"), InputError);
  EXPECT_THROW(Platform::parse("cfg(target_os = linux)"), InputError);
  EXPECT_THROW(Platform::parse("not a triple"), InputError);
}

TEST(CfgSet, ParsesNamesAndMultiValuedKeys) {
  const CfgSet& cfg = linux_cfg();
  EXPECT_TRUE(cfg.has("unix"));
  EXPECT_TRUE(cfg.has("target_has_atomic", "ptr"));
  EXPECT_TRUE(cfg.has("target_has_atomic", "64"));
  EXPECT_FALSE(cfg.has("windows"));
  EXPECT_THROW(CfgSet::parse("target_os=linux\n", "t", "cfg.txt"), InputError);
}

}  // namespace
}  // namespace recipe::model
