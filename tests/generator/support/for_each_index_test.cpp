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
  std::atomic<int> elsewhere = 0;
  const std::thread::id caller = std::this_thread::get_id();
  for_each_index(calls.size(), [&](size_t i) {
    ++calls[i];
    {
      std::lock_guard lock(threads_mutex);
      threads.insert(std::this_thread::get_id());
    }
    if (std::this_thread::get_id() != caller) {
      ++elsewhere;
    } else if (i == 0) {
      // The first item waits for the other thread to take one (however late it starts).
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
      while (elsewhere == 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
      }
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

// Failing indices at random places: every index up to the first failure runs, and what comes out
// is what a loop in order would meet.
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
    // The first failure decides: its exception if it threw, none if it refused.
    std::string expected = *throwing.begin() <= refusing ? std::to_string(*throwing.begin()) : "";  // it throws before it refuses
    EXPECT_EQ(thrown, expected) << "round " << round << ", refusing " << refusing;
  }
}

// A loop in order stops at index 0 and never meets the exception of index 1, run at the same time.
TEST(ForEachIndex, AnExceptionAfterTheFirstFailureIsNotReported) {
  for (int round = 0; round < 20; ++round) {
    EXPECT_NO_THROW(for_each_index(2, [](size_t i) {
      if (i == 1) {
        throw std::runtime_error("after the first failure");
      }
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      return false;
    }));
  }
}

}  // namespace
}  // namespace recipe
