#pragma once

#include <cstddef>
#include <functional>

namespace recipe {

// Calls `work(i)` for every i in [0, count) on two threads (the caller's and one more), each
// taking the next index not yet taken, so that items of very different sizes still share the
// cores evenly. An index fails when `work` returns false or throws: indices after the first that
// failed are then no longer taken, while every index before it still is. Of the exceptions
// thrown, the one of the lowest index is rethrown once both threads have stopped: the one a loop
// in order would have met first. `work` must be safe to call from two threads at once.
void for_each_index(size_t count, const std::function<bool(size_t)>& work);

}  // namespace recipe
