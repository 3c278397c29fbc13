#include "generator/support/for_each_index.hpp"

#include <atomic>
#include <exception>
#include <vector>

#include "generator/support/beside.hpp"

namespace recipe {

void for_each_index(size_t count, const std::function<bool(size_t)>& work) {
  std::atomic<size_t> next{0};
  // Only ever lowered. Every index below it is taken (indices are taken in increasing order and
  // a thread stops only on one at or above it), so all indices before the first failure run.
  std::atomic<size_t> first_failed{count};
  std::vector<std::exception_ptr> errors(count);  // each slot written by the thread of its index
  auto fail = [&first_failed](size_t index) {
    for (size_t seen = first_failed; index < seen && !first_failed.compare_exchange_weak(seen, index);) {
    }
  };
  auto run = [&] {
    for (size_t index = next++; index < first_failed; index = next++) {
      try {
        if (!work(index)) {
          fail(index);
        }
      } catch (...) {
        errors[index] = std::current_exception();
        fail(index);
      }
    }
  };
  if (count > 1) {
    run_here_and_beside(run);
  } else {
    run();
  }
  // Only the first failure counts: a later index, run at the same time, may have thrown too.
  if (size_t failed = first_failed; failed < count && errors[failed]) {
    std::rethrow_exception(errors[failed]);
  }
}

}  // namespace recipe
