#include "generator/emit/helper_file.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace recipe::emit {
namespace {

TEST(HelperFile, StageIsNamedByTheFirstTwelveHexDigitsOfItsSha256) {
  Helper helper = make_helper("abc");
  EXPECT_EQ(helper.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(helper.stage(), "recipe-helper-ba7816bf8f01");
}

TEST(HelperFile, BuiltinHelperIsAMultiLineBashScript) {
  const Helper& helper = builtin_helper();
  EXPECT_TRUE(helper.text.starts_with("#!/bin/bash -p\n"));
  EXPECT_GT(std::count(helper.text.begin(), helper.text.end(), '\n'), 300);
  EXPECT_EQ(helper.sha256, make_helper(helper.text).sha256);
}

TEST(HelperFile, CopiedHashIsReadFromTheHelperStage) {
  EXPECT_EQ(copied_helper_hash("# x\nFROM scratch AS recipe-helper-0123456789ab\nCOPY recipes/recipe-helper.sh /r\n"),
            "0123456789ab");
  // A recipe of the time the helper travelled inside the base stage copies none.
  EXPECT_EQ(copied_helper_hash("FROM img AS base\nRUN [\"/bin/sh\"]\n"), std::nullopt);
}

}  // namespace
}  // namespace recipe::emit
