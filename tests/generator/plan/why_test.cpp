// plan --why: the reasons the feature resolver records, rendered as cargo tree -e features -i does.
#include "generator/plan/why.hpp"

#include <gtest/gtest.h>

#include "generator/support/error.hpp"
#include "tests/support/metadata_builder.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::plan {
namespace {

using testing::MetadataBuilder;

// app's default turns on turbo, which says "opt/fast"; lib-a asks opt for "fast" in its declaration.
MetadataBuilder chain_workspace() {
  MetadataBuilder b;
  b.package("app", "bin", true).package("opt").package("lib-a");
  b.dep("app", {.name = "opt", .optional = true}).dep("app", {.name = "lib-a"});
  b.dep("lib-a", {.name = "opt", .default_features = false, .features = {"fast"}});
  b.feature("app", "default", {"turbo"}).feature("app", "turbo", {"opt/fast"});
  b.feature("opt", "fast", {});
  return b;
}

TEST(Why, FeatureListsEveryActivatorUpToTheCommandLine) {
  auto planned = testing::plan_json(chain_workspace().json());
  EXPECT_EQ(render_why(planned.plan, "opt/fast"),
            "opt feature \"fast\"\n"
            "├── app feature \"turbo\"\n"
            "│   └── app feature \"default\" (command-line)\n"
            "└── lib-a v1.0.0\n"
            "    └── app v1.0.0 (command-line)\n");
}

TEST(Why, ANodeMetTwiceIsExpandedOnce) {
  MetadataBuilder b = chain_workspace();
  b.feature("app", "extra", {"opt/fast"}).feature("app", "default", {"turbo", "extra"});
  auto planned = testing::plan_json(b.json());
  EXPECT_EQ(render_why(planned.plan, "opt/fast"),
            "opt feature \"fast\"\n"
            "├── app feature \"extra\"\n"
            "│   └── app feature \"default\" (command-line)\n"
            "├── app feature \"turbo\"\n"
            "│   └── app feature \"default\" (command-line) (*)\n"
            "└── lib-a v1.0.0\n"
            "    └── app v1.0.0 (command-line)\n");
}

TEST(Why, WeakFeatureIsOwedToTheFeatureThatHeldIt) {
  MetadataBuilder b;
  b.package("app", "bin", true).package("opt");
  b.dep("app", {.name = "opt", .optional = true});
  b.feature("app", "default", {"serde", "opt"}).feature("app", "serde", {"opt?/serde"}).feature("opt", "serde", {});
  auto planned = testing::plan_json(b.json());
  EXPECT_EQ(render_why(planned.plan, "opt/serde"),
            "opt feature \"serde\"\n"
            "└── app feature \"serde\"\n"
            "    └── app feature \"default\" (command-line)\n");
}

TEST(Why, UnitPathRunsFromARoot) {
  auto planned = testing::plan_json(chain_workspace().json());
  EXPECT_EQ(render_why(planned.plan, "lib-a"),
            "lib lib-a@1.0.0 lib_a\n"
            "└── bin app@1.0.0 app (root)\n");
}

TEST(Why, FeatureThatIsOffOrPackageUnknownIsAnInputError) {
  auto planned = testing::plan_json(chain_workspace().json());
  EXPECT_THROW(render_why(planned.plan, "opt/slow"), InputError);
  try {
    render_why(planned.plan, "lib-b");
    FAIL() << "no error for an unknown package";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "no planned package is named \"lib-b\", did you mean \"lib-a\"?");
  }
}

}  // namespace
}  // namespace recipe::plan
