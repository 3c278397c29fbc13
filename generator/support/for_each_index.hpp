#pragma once

#include <cstddef>
#include <functional>

namespace recipe {

// Calls `work(i)` for every i in [0, count) on two threads (the caller's and one more), each
// taking the next index not yet taken, so that items of very different sizes still share the
// cores evenly. An index fails when `work` returns false or throws: indices after the first that
// failed are then no longer taken, while every index before it still is. Once both threads have
// stopped, if the first index that failed threw, that exception is rethrown: what a loop in order
// would have met (one that stops at the first failure). `work` must be safe to call from two
// threads at once.
void for_each_index(size_t count, const std::function<bool(size_t)>& work);

}  // namespace recipe
