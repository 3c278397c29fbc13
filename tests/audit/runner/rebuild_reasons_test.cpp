#include "audit/runner/rebuild_reasons.hpp"

#include <gtest/gtest.h>

namespace recipe::runner {
namespace {

RecipeUnit unit(const std::string& stage, const std::string& title) {
  return RecipeUnit{stage, "lib", "", "", "", false, title, {}};
}

TEST(RebuildReasons, NamesEachBuiltUnitsOwnChangeWhatItFollowsOrTheCache) {
  BuildStatus status({{"lib-mutil-0.1.0-b768042d0700", unit("lib-mutil-0.1.0-b768042d0700", "lib mutil 0.1.0")},
                      {"bin-mapp-0.1.0-mapp-ac2057a0e35f", unit("bin-mapp-0.1.0-mapp-ac2057a0e35f", "bin mapp 0.1.0")},
                      {"lib-new-1.0.0-0123456789ab", unit("lib-new-1.0.0-0123456789ab", "lib new 1.0.0")},
                      {"lib-serde-1.0.152-3f2a9c1b7e4d", unit("lib-serde-1.0.152-3f2a9c1b7e4d", "lib serde 1.0.152")},
                      {"lib-itoa-1.0.1-448687e9a97b", unit("lib-itoa-1.0.1-448687e9a97b", "lib itoa 1.0.1")}});
  for (const char* stage : {"lib-mutil-0.1.0-b768042d0700", "bin-mapp-0.1.0-mapp-ac2057a0e35f",
                            "lib-new-1.0.0-0123456789ab", "lib-serde-1.0.152-3f2a9c1b7e4d"}) {
    status.apply({StageEventKind::started, stage, 0}, 0);
    status.apply({StageEventKind::done, stage, 1.0}, 1);
  }
  status.apply({StageEventKind::started, "lib-itoa-1.0.1-448687e9a97b", 0}, 0);
  status.apply({StageEventKind::cached, "lib-itoa-1.0.1-448687e9a97b", 0}, 0);
  explain::Explanation explanation;
  explanation.causes.push_back({{"source files of mutil@0.1.0", "b1bd", "ce8c"},
                                {"lib mutil@0.1.0 mutil b768042d0700"},
                                {{"bin mapp@0.1.0 mapp ac2057a0e35f",
                                  {"lib mcore@0.1.0 mcore 1f0782931555", "lib mutil@0.1.0 mutil b768042d0700"}}}});
  explanation.added = {"lib new@1.0.0 new 0123456789ab"};
  std::vector<RebuildReason> reasons = rebuild_reasons(status, explanation);
  ASSERT_EQ(reasons.size(), 4u);  // the cached unit has none
  EXPECT_EQ(render_rebuild_reasons(reasons),
            "explain: 4 units built, against the previous build:\n"
            "  bin mapp 0.1.0: follows lib mutil@0.1.0 mutil b768042d0700 (through 1 unit), whose source files of "
            "mutil@0.1.0 changed (b1bd -> ce8c)\n"
            "  lib mutil 0.1.0: source files of mutil@0.1.0 changed (b1bd -> ce8c)\n"
            "  lib new 1.0.0: new: the previous build had no such unit\n"
            "  lib serde 1.0.152: inputs as in the previous build: the engine's cache no longer held it (pruned, or "
            "--no-cache)\n");
}

}  // namespace
}  // namespace recipe::runner
