#include "audit/compare/text_diff.hpp"

#include <gtest/gtest.h>

namespace recipe::compare {
namespace {

TEST(TextDiff, EqualTextsHaveNoDiff) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "x", "y"), "");
}

TEST(TextDiff, ChangedLineWithContext) {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n";
  std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n";
  EXPECT_EQ(unified_diff(before, after, "old", "new"),
            "--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(TextDiff, SeparateHunksAndInsertions) {
  std::string before;
  std::string after;
  for (int i = 0; i < 30; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 ? "new\n" : "") + std::to_string(i) + "\n";
  }
  after += "tail\n";
  std::string diff = unified_diff(before, after, "a", "b");
  EXPECT_NE(diff.find("@@ -1,5 +1,6 @@\n 0\n 1\n+new\n 2\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("@@ -28,3 +29,4 @@\n 27\n 28\n 29\n+tail\n"), std::string::npos) << diff;
}

TEST(TextDiff, LongDiffsAreCut) {
  std::string before;
  std::string after;
  for (int i = 0; i < 500; ++i) {
    before += "x" + std::to_string(i) + "\n";
    after += "y" + std::to_string(i) + "\n";
  }
  std::string diff = unified_diff(before, after, "a", "b", 20);
  EXPECT_NE(diff.find("more lines"), std::string::npos);
  EXPECT_LT(diff.size(), 2000u);
}

}  // namespace
}  // namespace recipe::compare
