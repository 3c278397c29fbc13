#include "audit/runner/build_status.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "audit/runner/progress_text.hpp"

namespace recipe::runner {
namespace {

RecipeUnit unit(const std::string& stage, const std::string& package, std::vector<std::string> deps) {
  return RecipeUnit{stage, "lib", package, "1.0.0", package, false, "lib " + package + " 1.0.0", std::move(deps)};
}

TEST(BuildStatus, CountsTimesAndFindsTheCriticalPathOverBuiltUnits) {
  // a ← b ← d, a ← c ← d: d waits for both chains; the slower one (through b) is critical.
  BuildStatus status({{"lib-a", unit("lib-a", "a", {})},
                      {"lib-b", unit("lib-b", "b", {"lib-a"})},
                      {"lib-c", unit("lib-c", "c", {"lib-a"})},
                      {"lib-d", unit("lib-d", "d", {"lib-b", "lib-c"})}});
  EXPECT_EQ(status.apply({StageEventKind::started, "base", 0}, 0.0), nullptr);
  status.apply({StageEventKind::started, "lib-a", 0}, 0.0);
  status.apply({StageEventKind::cached, "lib-a", 0}, 0.1);
  status.apply({StageEventKind::started, "lib-b", 0}, 0.2);
  status.apply({StageEventKind::started, "lib-c", 0}, 0.3);
  EXPECT_EQ(status.running().size(), 2u);
  EXPECT_EQ(status.running()[0]->unit.stage, "lib-b");
  EXPECT_DOUBLE_EQ(status.eta(1.0), 3.0);  // 1 of 4 done in 1 s: 3 left
  status.apply({StageEventKind::done, "lib-c", 1.5}, 1.8);
  status.apply({StageEventKind::done, "lib-b", 4.0}, 4.2);
  status.apply({StageEventKind::started, "lib-d", 0}, 4.2);
  status.apply({StageEventKind::done, "lib-d", 0}, 5.2);  // no time from the engine: the clock's
  EXPECT_EQ(status.total(), 4u);
  EXPECT_EQ(status.built(), 3u);
  EXPECT_EQ(status.cached(), 1u);
  EXPECT_TRUE(status.running().empty());
  std::vector<const UnitStatus*> slowest = status.slowest(2);
  ASSERT_EQ(slowest.size(), 2u);
  EXPECT_EQ(slowest[0]->unit.stage, "lib-b");
  EXPECT_EQ(slowest[1]->unit.stage, "lib-c");
  CriticalPath path = status.critical_path();
  EXPECT_DOUBLE_EQ(path.seconds, 5.0);
  EXPECT_EQ(path.stages, (std::vector<std::string>{"lib-b", "lib-d"}));
  EXPECT_EQ(render_unit_line(*slowest[0]), "built lib b 1.0.0 in 4.0 s");
  EXPECT_EQ(render_unit_line(status.units().at("lib-a")), "cached lib a 1.0.0");
  EXPECT_EQ(render_summary(status, 65.0, "bin/"),
            "summary: 4 units, 3 built, 1 cached, in 1m05s\n"
            "slowest:\n  4.0 s  lib b 1.0.0\n  1.5 s  lib c 1.0.0\n  1.0 s  lib d 1.0.0\n"
            "critical path: 5.0 s over 2 units (lib b 1.0.0 -> lib d 1.0.0)\n"
            "outputs: bin/\n");
}

TEST(BuildStatus, ARetryLeavesFinishedUnitsAsTheyWere) {
  // A retry's events, after lib-a was built and lib-b cached in the first attempt.
  for (StageEventKind retry : {StageEventKind::started, StageEventKind::cached, StageEventKind::done,
                               StageEventKind::failed, StageEventKind::cancelled}) {
    BuildStatus status({{"lib-a", unit("lib-a", "a", {})}, {"lib-b", unit("lib-b", "b", {})}});
    status.apply({StageEventKind::started, "lib-a", 0}, 0.0);
    status.apply({StageEventKind::done, "lib-a", 2.0}, 2.0);
    status.apply({StageEventKind::cached, "lib-b", 0}, 2.0);
    EXPECT_EQ(status.apply({retry, "lib-a", 0.5}, 3.0), nullptr) << static_cast<int>(retry);
    EXPECT_EQ(status.apply({retry, "lib-b", 0.5}, 3.0), nullptr) << static_cast<int>(retry);
    EXPECT_EQ(status.built(), 1u);
    EXPECT_EQ(status.cached(), 1u);
    EXPECT_DOUBLE_EQ(status.units().at("lib-a").seconds, 2.0);
  }
}

TEST(BuildStatus, ACancelledUnitIsNoLongerRunning) {
  BuildStatus status({{"lib-a", unit("lib-a", "a", {})}});
  status.apply({StageEventKind::started, "lib-a", 0}, 0.0);
  status.apply({StageEventKind::cancelled, "lib-a", 0}, 1.0);
  EXPECT_TRUE(status.running().empty());
  EXPECT_EQ(status.units().at("lib-a").state, UnitState::waiting);
}

TEST(BuildStatus, TheFrameShowsAtMostEightRunningUnits) {
  // Running units → the frame's lines before the total line.
  for (size_t running : {size_t{0}, size_t{1}, k_frame_units, k_frame_units + 1, size_t{30}}) {
    std::map<std::string, RecipeUnit> units;
    for (size_t i = 0; i < running; ++i) {
      std::string stage = "lib-" + std::string(1, static_cast<char>('a' + i % 26)) + std::to_string(i);
      units.emplace(stage, unit(stage, stage.substr(4), {}));
    }
    BuildStatus status(units);
    for (const auto& [stage, u] : units) {
      status.apply({StageEventKind::started, stage, 0}, 0.0);
    }
    std::string frame = render_frame(status, 1.0);
    size_t lines = static_cast<size_t>(std::ranges::count(frame, '\n'));
    EXPECT_EQ(lines, std::min(running, k_frame_units) + (running > k_frame_units ? 1 : 0) + 1) << running;
    std::string more = "  +" + std::to_string(running - std::min(running, k_frame_units)) + " more building\n";
    EXPECT_EQ(frame.find(more) != std::string::npos, running > k_frame_units) << frame;
  }
}

TEST(BuildStatus, TheCriticalPathEndsAtACycle) {
  // Units that wait for each other (a crafted recipe), and one that waits for itself.
  BuildStatus status({{"lib-a", unit("lib-a", "a", {"lib-b"})},
                      {"lib-b", unit("lib-b", "b", {"lib-a"})},
                      {"lib-c", unit("lib-c", "c", {"lib-c", "lib-b"})}});
  for (const char* stage : {"lib-a", "lib-b", "lib-c"}) {
    status.apply({StageEventKind::started, stage, 0}, 0.0);
    status.apply({StageEventKind::done, stage, 1.0}, 1.0);
  }
  CriticalPath path = status.critical_path();
  // Each chain stops where it would meet a unit already on it: lib-b, then lib-a (first by stage).
  EXPECT_DOUBLE_EQ(path.seconds, 2.0);
  EXPECT_EQ(path.stages, (std::vector<std::string>{"lib-b", "lib-a"}));
}

}  // namespace
}  // namespace recipe::runner
