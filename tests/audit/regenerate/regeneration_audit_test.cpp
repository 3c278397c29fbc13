// The regeneration audit catches real non-determinism and names the perturbation that shows it.
// The generator under audit is the real pipeline (parse, plan, emit) on guppy's fixtures, with
// one seam: path packages get fixed file lists, since the fixtures' directories do not exist here.
#include "audit/regenerate/regeneration_audit.hpp"

#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "generator/cargo/metadata.hpp"
#include "generator/emit/recipe_inputs.hpp"
#include "generator/pipeline/recipe_header.hpp"
#include "generator/support/error.hpp"
#include "generator/support/atomic_file.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::regenerate {
namespace {

namespace fs = std::filesystem;

enum class Injected { nothing, unsorted_packages, timezone, working_directory };

Generator fixture_generator(Injected injected) {
  return [injected](const pipeline::GenerateRequest& request, const pipeline::GenerateHooks& hooks) {
    std::string text = read_file(*request.load.metadata_file);
    if (hooks.transform_metadata) {
      text = hooks.transform_metadata(text);
    }
    model::Workspace ws = cargo::parse_metadata(text, "fixture.json");
    plan::PlanInputs inputs;
    inputs.workspace = &ws;
    inputs.toolchain = testing::linux_toolchain();
    plan::PlanOptions opts;
    opts.resolver = "1";
    plan::Plan plan = plan::make_plan(inputs, opts);
    emit::RecipeInputs recipe;
    recipe.plan = &plan;
    recipe.sources.mode = emit::SourceOptions::Mode::vendor;
    for (const auto& pkg : ws.packages) {
      recipe.path_package_entries[pkg.key] = {"Cargo.toml", "src"};
    }
    recipe.regenerate_command = pipeline::request_to_command(request);
    recipe.request_json = pipeline::request_to_json(request);
    std::string out = emit::render_dockerfile(recipe);
    switch (injected) {
      case Injected::nothing:
        break;
      case Injected::unsorted_packages: {
        // A container iterated in input order, as a forgotten sort would leave it.
        const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(text);
        for (const auto& package : doc.at("packages")) {
          out += "# " + package.at("name").get<std::string>() + "\n";
        }
        break;
      }
      case Injected::timezone:
        out += std::string("# built in ") + (std::getenv("TZ") != nullptr ? std::getenv("TZ") : "") + "\n";
        break;
      case Injected::working_directory:
        out += "# from " + fs::current_path().string() + "\n";
        break;
    }
    return out;
  };
}

pipeline::GenerateRequest request_for(const std::string& fixture) {
  pipeline::GenerateRequest request;
  request.load.metadata_file = testing::test_data("fixtures/guppy/" + fixture);
  return request;
}

std::set<std::string> failing(const std::vector<report::Case>& cases) {
  std::set<std::string> names;
  for (const auto& c : cases) {
    EXPECT_NE(c.verdict, report::Verdict::error) << c.name << ": " << c.summary;
    if (c.verdict == report::Verdict::fail) {
      names.insert(c.name);
    }
  }
  return names;
}

TEST(RegenerationAudit, RealPipelinePassesEveryPerturbationOnEveryGuppyFixture) {
  size_t fixtures = 0;
  for (const char* folder : {"small", "large", "guppy"}) {
    for (const auto& entry : fs::directory_iterator(testing::test_data(std::string("fixtures/guppy/") + folder))) {
      SCOPED_TRACE(entry.path().filename().string());
      std::string fixture = std::string(folder) + "/" + entry.path().filename().string();
      auto cases = audit_regeneration(fixture, request_for(fixture), fixture_generator(Injected::nothing), {2, 11, {}});
      EXPECT_EQ(cases.size(), 14u);
      EXPECT_EQ(failing(cases), std::set<std::string>{});
      ++fixtures;
    }
  }
  EXPECT_EQ(fixtures, 14u);
}

TEST(RegenerationAudit, UnsortedContainerIsCaughtByTheShuffles) {
  auto cases = audit_regeneration("m1", request_for("small/metadata1.json"),
                                  fixture_generator(Injected::unsorted_packages), {1, 3, {}});
  EXPECT_EQ(failing(cases), (std::set<std::string>{"reordered-packages", "shuffled-metadata"}));
  for (const auto& c : cases) {
    if (c.name == "shuffled-metadata") {
      EXPECT_NE(c.detail.find("--- baseline"), std::string::npos) << c.detail;
      EXPECT_NE(c.detail.find("+++ shuffled-metadata"), std::string::npos) << c.detail;
    }
  }
}

TEST(RegenerationAudit, EnvironmentLeakIsCaughtByTheLocaleTimezonePerturbation) {
  auto cases = audit_regeneration("m1", request_for("small/builddep.json"), fixture_generator(Injected::timezone), {});
  EXPECT_EQ(failing(cases), std::set<std::string>{"locale-timezone"});
}

TEST(RegenerationAudit, WorkingDirectoryLeakIsCaughtByTheMoves) {
  auto cases =
      audit_regeneration("m1", request_for("small/builddep.json"), fixture_generator(Injected::working_directory), {});
  EXPECT_EQ(failing(cases), (std::set<std::string>{"moved-workspace", "working-directory"}));
}

TEST(RegenerationAudit, UnknownPerturbationIsAnInputError) {
  EXPECT_THROW(audit_regeneration("m1", request_for("small/builddep.json"), fixture_generator(Injected::nothing),
                                  {1, 1, {"sideways"}}),
               InputError);
}

TEST(RegenerationAudit, CheckReportsDriftWithADiff) {
  pipeline::GenerateRequest request = request_for("small/builddep.json");
  std::string current = fixture_generator(Injected::nothing)(request, {});
  EXPECT_EQ(check_recipe("r", current, request, fixture_generator(Injected::nothing)).verdict, report::Verdict::pass);
  std::string edited = current;
  edited.replace(edited.find("opt-level=3"), 11, "opt-level=1");
  report::Case c = check_recipe("r", edited, request, fixture_generator(Injected::nothing));
  EXPECT_EQ(c.verdict, report::Verdict::fail);
  EXPECT_NE(c.detail.find("-    \"-C\", \"opt-level=1\""), std::string::npos) << c.detail;
  EXPECT_NE(c.detail.find("+    \"-C\", \"opt-level=3\""), std::string::npos) << c.detail;
}

}  // namespace
}  // namespace recipe::regenerate
