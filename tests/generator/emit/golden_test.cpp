// Golden recipes: tests/golden/<case>/case.json → expected.Dockerfile, byte for byte.
// UPDATE_GOLDEN=1 (hack/update-golden.sh) rewrites the expectations instead of comparing.
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "generator/cargo/lockfile.hpp"
#include "generator/cargo/metadata.hpp"
#include "generator/emit/recipe_inputs.hpp"
#include "generator/pipeline/recipe_header.hpp"
#include "generator/support/atomic_file.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::emit {
namespace {

namespace fs = std::filesystem;

std::string render_case(const fs::path& dir) {
  nlohmann::json spec = nlohmann::json::parse(read_file(dir / "case.json"));
  std::string metadata = spec["metadata"];
  model::Workspace ws = cargo::parse_metadata(read_file(testing::test_data(metadata)), metadata);
  plan::PlanInputs plan_inputs;
  plan_inputs.workspace = &ws;
  plan_inputs.toolchain = testing::linux_toolchain("1.63.0");
  if (spec.contains("lockfile")) {
    std::string lockfile = spec["lockfile"];
    plan_inputs.checksums =
        cargo::match_lockfile(cargo::parse_lockfile(read_file(testing::test_data(lockfile)), lockfile), ws);
  }
  plan::PlanOptions opts;
  opts.resolver = "1";
  plan::Plan plan = plan::make_plan(plan_inputs, opts);
  RecipeInputs inputs;
  inputs.plan = &plan;
  inputs.dialect = Dialect::parse(spec["dialect"]);
  inputs.sources.mode = spec["sources"] == "vendor" ? SourceOptions::Mode::vendor : SourceOptions::Mode::registry;
  for (const auto& pkg : ws.packages) {
    if (pkg.source.kind == model::Source::Kind::path) {
      inputs.path_package_entries[pkg.key] = {"Cargo.toml", "src"};
    }
  }
  pipeline::GenerateRequest request;
  request.load.metadata_file = metadata;
  request.dialect = spec["dialect"];
  inputs.regenerate_command = pipeline::request_to_command(request);
  inputs.request_json = pipeline::request_to_json(request);
  return render_dockerfile(inputs);
}

TEST(Golden, RecipesMatchTheirExpectations) {
  bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  size_t cases = 0;
  for (const auto& entry : fs::directory_iterator(testing::test_data("golden"))) {
    if (!entry.is_directory()) {
      continue;
    }
    ++cases;
    SCOPED_TRACE(entry.path().filename().string());
    std::string actual = render_case(entry.path());
    fs::path expected = entry.path() / "expected.Dockerfile";
    if (update) {
      write_output(expected.string(), actual);
      continue;
    }
    EXPECT_EQ(actual, read_file(expected)) << "run hack/update-golden.sh and review the diff";
  }
  EXPECT_GE(cases, 4u);
}

}  // namespace
}  // namespace recipe::emit
