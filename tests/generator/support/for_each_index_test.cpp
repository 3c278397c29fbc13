#include "generator/support/for_each_index.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace recipe {
namespace {

TEST(ForEachIndex, CallsEveryIndexOnceOnBothThreads) {
  std::vector<std::atomic<int>> calls(200);
  std::mutex threads_mutex;
  std::set<std::thread::id> threads;
  for_each_index(calls.size(), [&](size_t i) {
    ++calls[i];
    {
      std::lock_guard lock(threads_mutex);
      threads.insert(std::this_thread::get_id());
    }
    std::this_thread::sleep_for(std::chrono::microseconds(i % 7 == 0 ? 500 : 50));  // uneven items
    return true;
  });
  for (size_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i], 1) << i;
  }
  EXPECT_EQ(threads.size(), 2u);
}

TEST(ForEachIndex, NoIndexAndOneIndex) {
  int calls = 0;
  for_each_index(0, [&](size_t) { return ++calls > 0; });
  EXPECT_EQ(calls, 0);
  for_each_index(1, [&](size_t) { return ++calls > 0; });
  EXPECT_EQ(calls, 1);
}

// Failing indices at random places: every index before the first failure runs, the exception of
// the lowest index that threw comes out, and the indices taken after a failure are few.
TEST(ForEachIndex, EveryIndexBeforeTheFirstFailureRunsAndItsErrorComesOut) {
  std::mt19937 random(7);
  for (int round = 0; round < 50; ++round) {
    constexpr size_t k_count = 100;
    std::set<size_t> throwing = {random() % k_count, random() % k_count};
    size_t refusing = random() % k_count;
    size_t first_failure = std::min(*throwing.begin(), refusing);
    std::vector<std::atomic<bool>> ran(k_count);
    auto work = [&](size_t i) {
      ran[i] = true;
      std::this_thread::sleep_for(std::chrono::microseconds((i * 31 + round) % 3 == 0 ? 20 : 0));
      if (throwing.contains(i)) {
        throw std::runtime_error(std::to_string(i));
      }
      return i != refusing;
    };
    std::string thrown;
    try {
      for_each_index(k_count, work);
    } catch (const std::runtime_error& e) {
      thrown = e.what();
    }
    for (size_t i = 0; i <= first_failure; ++i) {
      EXPECT_TRUE(ran[i]) << "index " << i << ", first failure " << first_failure;
    }
    // Only an index that ran can have thrown, and the lowest of those is reported.
    std::string expected;
    for (size_t i : throwing) {
      if (ran[i]) {
        expected = std::to_string(i);
        break;
      }
    }
    EXPECT_EQ(thrown, expected) << "round " << round;
    if (*throwing.begin() < refusing) {
      EXPECT_EQ(thrown, std::to_string(*throwing.begin())) << "round " << round;
    }
  }
}

}  // namespace
}  // namespace recipe
