#include "generator/support/dependency_order.hpp"

#include <atomic>
#include <chrono>
#include <random>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

namespace recipe {
namespace {

// A random graph without cycles: node i depends on a few nodes below it.
std::vector<std::vector<size_t>> random_dag(size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::vector<size_t>> deps(count);
  for (size_t i = 1; i < count; ++i) {
    std::uniform_int_distribution<size_t> below(0, i - 1);
    for (size_t k = rng() % 4; k > 0; --k) {
      deps[i].push_back(below(rng));
    }
  }
  return deps;
}

TEST(DependencyOrder, EveryNodeRunsOnceAndOnlyAfterItsDependencies) {
  for (unsigned seed : {1u, 2u, 3u, 4u}) {
    SCOPED_TRACE(seed);
    std::vector<std::vector<size_t>> deps = random_dag(300, seed);
    std::vector<std::atomic<int>> runs(deps.size());
    std::vector<std::atomic<bool>> finished(deps.size());
    std::atomic<int> early = 0;
    std::atomic<bool> two_threads = false;
    std::thread::id caller = std::this_thread::get_id();
    for_each_in_dependency_order(deps, [&](size_t node) {
      for (size_t dep : deps[node]) {
        early += finished[dep] ? 0 : 1;
      }
      two_threads = two_threads || std::this_thread::get_id() != caller;
      // Some nodes take a while, so that the two threads interleave in every way.
      if (node % 7 == 0) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
      ++runs[node];
      finished[node] = true;
    });
    EXPECT_EQ(early, 0) << "a node ran before one of its dependencies had finished";
    for (size_t node = 0; node < deps.size(); ++node) {
      EXPECT_EQ(runs[node], 1) << "node " << node;
    }
    EXPECT_TRUE(two_threads);
  }
}

TEST(DependencyOrder, AFailureStopsTheWorkAndIsRethrown) {
  std::vector<std::vector<size_t>> deps = random_dag(200, 9);
  std::atomic<int> runs = 0;
  auto work = [&](size_t node) {
    ++runs;
    if (node == 0) {  // the first node in the order (depth 0)
      throw std::runtime_error("node 0 failed");
    }
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  };
  try {
    for_each_in_dependency_order(deps, work);
    ADD_FAILURE() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "node 0 failed");
  }
  // The other thread finishes the node it is in and starts no new one; nobody hangs.
  EXPECT_LE(runs, 3);
}

TEST(DependencyOrder, EmptyAndSingleGraphs) {
  int calls = 0;
  for_each_in_dependency_order({}, [&](size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
  for_each_in_dependency_order({{}}, [&](size_t node) { calls += node == 0 ? 1 : 100; });
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace recipe
