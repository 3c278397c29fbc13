// Properties of every recipe: deterministic, stages defined before use, mounts sorted, the
// dialects differing only where they must.
#include <algorithm>
#include <random>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "generator/cargo/metadata.hpp"
#include "generator/emit/helper_file.hpp"
#include "generator/emit/recipe_inputs.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "tests/support/metadata_builder.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::emit {
namespace {

std::string recipe_of(const std::string& metadata, const std::string& dialect = "portable",
                      SourceOptions::Mode mode = SourceOptions::Mode::vendor, const Helper& helper = builtin_helper()) {
  auto planned = testing::plan_json(metadata, {}, "1");
  RecipeInputs inputs;
  inputs.helper = &helper;
  inputs.plan = &planned.plan;
  inputs.dialect = Dialect::parse(dialect);
  inputs.sources.mode = mode;
  for (const auto& pkg : planned.workspace->packages) {
    inputs.path_package_entries[pkg.key] = {"Cargo.toml", "src"};
  }
  inputs.regenerate_command = {"cargo-recipe", "generate"};
  return render_dockerfile(inputs);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

TEST(Dockerfile, StagesAreDefinedBeforeUseAndMountsAreSorted) {
  std::string recipe = recipe_of(read_file(testing::test_data("fixtures/guppy/guppy/metadata_guppy_c9b4f76.json")));
  std::set<std::string> defined;
  std::vector<std::string> mounts;
  size_t stages = 0;
  for (const auto& line : lines_of(recipe)) {
    if (line.starts_with("FROM ")) {
      auto as = line.find(" AS ");
      ASSERT_NE(as, std::string::npos) << line;
      std::string base = line.substr(5, as - 5);
      EXPECT_TRUE(base == "scratch" || defined.contains(base) || base == k_default_base_image ||
                  base == k_default_runtime_base)
          << line;
      EXPECT_TRUE(defined.insert(line.substr(as + 4)).second) << "stage defined twice: " << line;
      ++stages;
      EXPECT_TRUE(std::is_sorted(mounts.begin(), mounts.end()));
      mounts.clear();
    }
    for (size_t pos = line.find("from="); pos != std::string::npos; pos = line.find("from=", pos + 1)) {
      std::string stage = line.substr(pos + 5, line.find_first_of(", ", pos) - pos - 5);
      EXPECT_TRUE(defined.contains(stage)) << "used before definition: " << stage;
    }
    if (auto target = line.find(",target="); target != std::string::npos) {
      mounts.push_back(line.substr(target));
    }
  }
  EXPECT_GT(stages, 400u);
  EXPECT_EQ(lines_of(recipe).back().rfind("COPY --from=out-bin-", 0), 0u);
}

TEST(Dockerfile, ShuffledMetadataGivesTheSameRecipe) {
  std::string original = read_file(testing::test_data("fixtures/guppy/small/metadata1.json"));
  std::string expected = recipe_of(original);
  nlohmann::json doc = nlohmann::json::parse(original);
  std::mt19937 rng(7);
  std::shuffle(doc["packages"].begin(), doc["packages"].end(), rng);
  std::shuffle(doc["resolve"]["nodes"].begin(), doc["resolve"]["nodes"].end(), rng);
  for (auto& pkg : doc["packages"]) {
    std::shuffle(pkg["dependencies"].begin(), pkg["dependencies"].end(), rng);
  }
  EXPECT_EQ(recipe_of(doc.dump()), expected);
  EXPECT_EQ(recipe_of(original), expected);
}

TEST(Dockerfile, DialectsDifferOnlyWhereTheyMust) {
  std::string metadata = read_file(testing::test_data("fixtures/guppy/small/builddep.json"));
  std::string portable = recipe_of(metadata, "portable");
  std::string modern = recipe_of(metadata, "modern");
  EXPECT_EQ(portable.find("# syntax="), std::string::npos);
  EXPECT_EQ(portable.find("COPY --link"), std::string::npos);
  EXPECT_EQ(portable.find("--network"), std::string::npos);
  EXPECT_EQ(modern.rfind("# syntax=docker/dockerfile:1", 0), 0u);
  EXPECT_NE(modern.find("COPY --link --from="), std::string::npos);
  EXPECT_NE(modern.find("RUN --network=none --mount="), std::string::npos);
  EXPECT_THROW(Dialect::parse("fancy"), InputError);
}

TEST(Dockerfile, RegistryModeNeedsChecksums) {
  std::string metadata = read_file(testing::test_data("fixtures/guppy/small/metadata1.json"));
  try {
    recipe_of(metadata, "portable", SourceOptions::Mode::registry);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("has no checksum in Cargo.lock"), std::string::npos) << e.what();
  }
}

TEST(Dockerfile, PathPackagesBesideTheWorkspaceEnterTheContextAsUp) {
  std::string recipe = recipe_of(read_file(testing::test_data("fixtures/guppy/small/metadata1.json")));
  EXPECT_NE(recipe.find(R"(COPY ["@up/quote/src", "/recipe/src/quote-1.0.2-)"), std::string::npos)
      << recipe.substr(0, 3000);
}

TEST(Dockerfile, HostileStringsStayInsideJsonWords) {
  testing::MetadataBuilder b;
  b.package("app", "bin", true);
  nlohmann::json doc = nlohmann::json::parse(b.json());
  doc["packages"][0]["description"] = "say \"hi\" $(rm -rf /) `id` \\ \n second line é";
  std::string recipe = recipe_of(doc.dump());
  EXPECT_NE(recipe.find(R"("CARGO_PKG_DESCRIPTION=say \"hi\" $(rm -rf /) `id` \\ \n second line é")"),
            std::string::npos)
      << recipe;
}

// Lines that differ between two texts of as many lines, as (before, after) pairs.
std::vector<std::pair<std::string, std::string>> changed_lines(const std::string& before, const std::string& after) {
  std::vector<std::string> a = lines_of(before);
  std::vector<std::string> b = lines_of(after);
  EXPECT_EQ(a.size(), b.size());
  std::vector<std::pair<std::string, std::string>> changed;
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    if (a[i] != b[i]) {
      changed.emplace_back(a[i], b[i]);
    }
  }
  return changed;
}

TEST(Dockerfile, HelperEditOfOneLineChangesOneHelperLineAndOnlyTheRecipeLinesNamingItsHash) {
  const Helper& before = builtin_helper();
  std::string edited_text = before.text;
  const std::string line = "LC_ALL=C\n";
  ASSERT_NE(edited_text.find(line), std::string::npos);
  edited_text.replace(edited_text.find(line), line.size(), "LC_ALL=C  # byte-wise\n");
  Helper after = make_helper(edited_text);
  EXPECT_EQ(changed_lines(before.text, after.text).size(), 1u);

  std::string metadata = read_file(testing::test_data("fixtures/guppy/small/builddep.json"));
  for (const char* dialect : {"portable", "modern"}) {
    std::string old_recipe = recipe_of(metadata, dialect, SourceOptions::Mode::vendor, before);
    std::string new_recipe = recipe_of(metadata, dialect, SourceOptions::Mode::vendor, after);
    // The helper stage's FROM, the base's COPY --from of it, and the check of its sha256.
    auto changed = changed_lines(old_recipe, new_recipe);
    EXPECT_EQ(changed.size(), 3u) << dialect;
    for (const auto& [old_line, new_line] : changed) {
      EXPECT_NE(old_line.find(before.sha256.substr(0, 12)), std::string::npos) << old_line;
      EXPECT_NE(new_line.find(after.sha256.substr(0, 12)), std::string::npos) << new_line;
      EXPECT_LT(new_line.size(), 1000u) << new_line;
    }
    // No line of the recipe carries the helper's text.
    EXPECT_EQ(new_recipe.find("BuildOutput::parse"), std::string::npos) << dialect;
    EXPECT_EQ(copied_helper_hash(new_recipe), after.sha256.substr(0, 12));
    EXPECT_NE(new_recipe.find(after.sha256), std::string::npos) << "the base stage checks the whole sha256";
  }
}

}  // namespace
}  // namespace recipe::emit
