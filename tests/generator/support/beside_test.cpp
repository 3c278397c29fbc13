#include "generator/support/beside.hpp"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

namespace recipe {
namespace {

// Waits (up to a few seconds) until `flag` is set by the helper.
bool eventually(const std::atomic<bool>& flag) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!flag && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
  return flag;
}

// Holds the thread that runs it: says it has started, then waits to be released.
struct Gate {
  std::atomic<bool> started = false;
  std::atomic<bool> release = false;

  void hold() {
    started = true;
    while (!release) {
      std::this_thread::yield();
    }
  }
};

TEST(Beside, RunsOnTheHelperAndFinishWaitsForIt) {
  std::thread::id ran_on;
  Gate gate;
  bool finished_after_release = false;
  Beside work = run_beside([&] {
    ran_on = std::this_thread::get_id();
    gate.hold();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    finished_after_release = true;
  });
  EXPECT_TRUE(eventually(gate.started)) << "the helper never took the work";
  gate.release = true;
  work.finish();
  EXPECT_TRUE(finished_after_release);
  EXPECT_NE(ran_on, std::this_thread::get_id());
}

TEST(Beside, WorkTheHelperHasNotStartedIsDoneByTheCaller) {
  Gate gate;
  Beside busy = run_beside([&] { gate.hold(); });
  EXPECT_TRUE(eventually(gate.started));
  std::thread::id ran_on;
  Beside queued = run_beside([&] { ran_on = std::this_thread::get_id(); });
  queued.finish();  // the helper is still busy: it runs here rather than waiting
  EXPECT_EQ(ran_on, std::this_thread::get_id());
  gate.release = true;
  busy.finish();
}

TEST(Beside, FinishRethrows) {
  Beside failing = run_beside([] { throw std::runtime_error("bad lockfile"); });
  EXPECT_THROW(failing.finish(), std::runtime_error);
}

// An unfinished handle waits for started work (it may use the frame being left) and drops the
// rest.
TEST(Beside, AnUnfinishedHandleWaitsForStartedWorkAndDropsTheRest) {
  Gate gate;
  std::atomic<bool> done = false;
  std::atomic<bool> dropped_ran = false;
  {
    Beside running = run_beside([&] {
      gate.hold();
      done = true;
      throw std::runtime_error("nobody asked");
    });
    EXPECT_TRUE(eventually(gate.started));
    {
      Beside queued = run_beside([&] { dropped_ran = true; });
    }  // dropped: the helper is busy with `running`
    gate.release = true;
  }  // waits for `running`, swallowing its exception
  EXPECT_TRUE(done);
  // Once the helper runs work given after the dropped one, it has passed it (work starts in order).
  std::atomic<bool> later_ran = false;
  Beside later = run_beside([&] { later_ran = true; });
  EXPECT_TRUE(eventually(later_ran));
  later.finish();
  EXPECT_FALSE(dropped_ran);
}

TEST(Beside, WorkMayHandWorkOnWithoutDeadlock) {
  int inner_runs = 0;
  Beside outer = run_beside([&] {
    Beside inner = run_beside([&] { ++inner_runs; });
    inner.finish();  // queued behind the outer work on the one helper: runs in place
  });
  outer.finish();
  EXPECT_EQ(inner_runs, 1);
}

}  // namespace
}  // namespace recipe
