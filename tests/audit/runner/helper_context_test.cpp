#include "audit/runner/helper_context.hpp"

#include <gtest/gtest.h>

#include "generator/emit/helper_file.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::runner {
namespace {

namespace fs = std::filesystem;

// A recipe folder holding `helper_text` as its helper (none when nullopt) and a recipe that copies
// the helper `copied`.
struct RecipeFolder {
  TempDir dir{"helper-context-test"};
  fs::path recipe = dir.path() / "recipes" / "app@0.1.0.Dockerfile";
  fs::path staging = dir.path() / "context";
  std::string text;

  RecipeFolder(const emit::Helper& copied, const std::optional<std::string>& helper_text) {
    text = "# cargo-recipe-command: cargo-recipe generate --offline\n\nFROM scratch AS " + copied.stage() +
           "\nCOPY recipes/recipe-helper.sh /recipe/bin/recipe-helper\n";
    write_output(recipe.string(), text);
    if (helper_text) {
      write_output((recipe.parent_path() / emit::k_helper_file_name).string(), *helper_text);
    }
  }

  std::string error() {
    try {
      stage_helper(text, recipe, staging);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
};

TEST(HelperContext, StagesTheHelperBesideTheRecipeWhereTheRecipeCopiesIt) {
  const emit::Helper& helper = emit::builtin_helper();
  RecipeFolder folder(helper, helper.text);
  EXPECT_EQ(folder.error(), "");
  EXPECT_EQ(read_file(folder.staging / emit::k_helper_context_path), helper.text);
}

TEST(HelperContext, MissingHelperIsNamedWithTheCommandThatWritesIt) {
  RecipeFolder folder(emit::builtin_helper(), std::nullopt);
  const std::string helper = (folder.recipe.parent_path() / "recipe-helper.sh").string();
  EXPECT_EQ(folder.error(), helper + ": missing: " + folder.recipe.string() +
                                " copies this helper into its base stage (regenerate with the command its \"# "
                                "cargo-recipe-command:\" line shows)");
  EXPECT_FALSE(fs::exists(folder.staging / emit::k_helper_context_path));
}

TEST(HelperContext, StaleHelperIsNamedWithBothStages) {
  emit::Helper older = emit::make_helper("#!/bin/bash -p\necho older\n");
  RecipeFolder folder(older, emit::builtin_helper().text);
  std::string error = folder.error();
  EXPECT_TRUE(error.starts_with((folder.recipe.parent_path() / "recipe-helper.sh").string() + ": not the helper "))
      << error;
  EXPECT_NE(error.find("its stage is " + emit::builtin_helper().stage() + ", the recipe copies " + older.stage()),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("regenerate with the command its"), std::string::npos) << error;
}

TEST(HelperContext, RecipeThatCopiesNoHelperStagesNothing) {
  TempDir dir("helper-context-test");
  stage_helper("FROM img AS base\n", dir.path() / "old.Dockerfile", dir.path() / "context");
  EXPECT_FALSE(fs::exists(dir.path() / "context"));
}

}  // namespace
}  // namespace recipe::runner
