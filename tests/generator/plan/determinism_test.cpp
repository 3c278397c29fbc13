// The plan depends on what the inputs mean, never on how they happen to be ordered.
#include <algorithm>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "generator/plan/plan_render.hpp"
#include "generator/plan/rustc_args.hpp"
#include "generator/support/atomic_file.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::plan {
namespace {

// Reverse and shuffle every array whose order carries no meaning in cargo metadata.
void shuffle_meaningless_order(nlohmann::json& value, std::mt19937& rng, const std::string& key = "") {
  static const std::set<std::string> k_unordered = {"packages", "dependencies", "targets",           "nodes",
                                                    "deps",     "dep_kinds",    "workspace_members", "features"};
  if (value.is_object()) {
    for (auto& [k, v] : value.items()) {
      shuffle_meaningless_order(v, rng, k);
    }
  } else if (value.is_array()) {
    for (auto& v : value) {
      shuffle_meaningless_order(v, rng);
    }
    if (k_unordered.contains(key)) {
      std::shuffle(value.begin(), value.end(), rng);
    }
  }
}

std::string plan_of(const std::string& json) {
  return render_plan_json(testing::plan_json(json, {}, "1").plan);
}

TEST(Determinism, ShuffledMetadataGivesTheSamePlanBytes) {
  for (const char* name : {"small/metadata1.json", "small/builddep.json", "small/metadata_proc_macro1.json",
                           "large/hyper_util_7afb1ed.json", "guppy/metadata_guppy_c9b4f76.json"}) {
    SCOPED_TRACE(name);
    std::string original = read_file(testing::test_data(std::string("fixtures/guppy/") + name));
    std::string expected = plan_of(original);
    for (unsigned seed : {1u, 2u, 3u}) {
      std::mt19937 rng(seed);
      nlohmann::json doc = nlohmann::json::parse(original);
      shuffle_meaningless_order(doc, rng);
      EXPECT_EQ(plan_of(doc.dump()), expected) << "seed " << seed;
    }
  }
}

// Units are finished dependencies first: no unit's rustc line or environment may name a
// dependency whose id was not made yet (it would still read as the placeholder).
TEST(Determinism, NoUnitNamesADependencyBeforeItsIdExists) {
  std::string metadata = read_file(testing::test_data("fixtures/guppy/large/metadata_libra_9ffd93b.json"));
  EXPECT_EQ(plan_of(metadata).find(k_id_placeholder), std::string::npos);
}

TEST(Determinism, PlanJsonIsSortedAndCarriesItsSchema) {
  std::string json = read_file(testing::test_data("fixtures/guppy/small/metadata1.json"));
  nlohmann::json plan = nlohmann::json::parse(plan_of(json));
  EXPECT_EQ(plan["schema"], "cargo-recipe/plan/1");
  std::vector<std::string> packages;
  for (const auto& unit : plan["units"]) {
    packages.push_back(unit["package"]);
  }
  EXPECT_TRUE(std::is_sorted(packages.begin(), packages.end()));
  // No host path of the machine that made the metadata reaches the plan.
  EXPECT_EQ(plan.dump().find("/Users/"), std::string::npos);
}

}  // namespace
}  // namespace recipe::plan
