#include "generator/support/dependency_order.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <numeric>

#include "generator/support/beside.hpp"

namespace recipe {

namespace {

std::vector<size_t> by_depth(const std::vector<std::vector<size_t>>& deps) {
  std::vector<size_t> depth(deps.size(), 0);
  std::vector<bool> known(deps.size(), false);
  auto depth_of = [&](auto& self, size_t node) -> size_t {
    if (!known[node]) {
      known[node] = true;
      for (size_t dep : deps[node]) {
        depth[node] = std::max(depth[node], self(self, dep) + 1);
      }
    }
    return depth[node];
  };
  std::vector<size_t> order(deps.size());
  std::iota(order.begin(), order.end(), 0);
  for (size_t node : order) {
    depth_of(depth_of, node);
  }
  std::ranges::stable_sort(order, {}, [&depth](size_t node) { return depth[node]; });
  return order;
}

}  // namespace

void for_each_in_dependency_order(const std::vector<std::vector<size_t>>& deps,
                                  const std::function<void(size_t)>& work) {
  std::vector<size_t> order = by_depth(deps);
  std::vector<std::atomic<bool>> done(deps.size());
  std::atomic<size_t> next = 0;
  std::atomic<bool> failed = false;
  std::exception_ptr error;
  std::mutex error_mutex;
  // A node before `next` is either done or being done by the other thread, and its dependencies
  // come before it in the order: so a thread never waits for a node nobody is working on. After a
  // failure the remaining nodes are still taken and marked done, unworked, for the same reason.
  auto run = [&] {
    for (size_t at = next++; at < order.size(); at = next++) {
      size_t node = order[at];
      if (!failed) {
        for (size_t dep : deps[node]) {
          done[dep].wait(false, std::memory_order_acquire);
        }
      }
      try {
        if (!failed) {
          work(node);
        }
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) {
          error = std::current_exception();
        }
        failed = true;
      }
      done[node].store(true, std::memory_order_release);
      done[node].notify_all();
    }
  };
  if (order.size() > 1) {
    run_here_and_beside(run);
  } else {
    run();
  }
  if (error) {
    std::rethrow_exception(error);
  }
}

}  // namespace recipe
