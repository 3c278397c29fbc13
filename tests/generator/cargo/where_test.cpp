#include "generator/cargo/where.hpp"

#include <gtest/gtest.h>

namespace recipe::cargo {
namespace {

TEST(Where, EveryFormNestsAsMessagesSpellIt) {
  EXPECT_EQ(Where("top level").text(), "top level");

  Where node("resolve.nodes", 3);
  Where dep(node, "deps", 12);
  EXPECT_EQ(node.text(), "resolve.nodes[3]");
  EXPECT_EQ(dep.text(), "resolve.nodes[3].deps[12]");

  Where package("packages", 0, "serde", "1.0.0");
  Where target(package, "target", "serde_derive");
  Where dependency(package, "dependency", "syn");
  Where feature(dependency, "feature", "full");
  EXPECT_EQ(package.text(), "packages[0] (serde 1.0.0)");
  EXPECT_EQ(target.text(), "packages[0] (serde 1.0.0): target \"serde_derive\"");
  EXPECT_EQ(feature.text(), "packages[0] (serde 1.0.0): dependency \"syn\": feature \"full\"");
}

}  // namespace
}  // namespace recipe::cargo
