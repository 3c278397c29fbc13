#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace recipe {

// Calls `work(i)` once for every node i of a dependency graph (`deps[i]`: the nodes i needs;
// no cycles), each only after `work` has returned for all of its dependencies, on two threads
// (the caller's and one more). Nodes are taken in order of depth (0: no dependencies; else one
// more than the deepest dependency), so that neighbours in the order rarely depend on each other
// and a thread rarely waits for the other. If `work` results depend only on dependencies'
// results, they are the same whichever thread does what. An exception from `work` is rethrown
// once both threads have stopped.
void for_each_in_dependency_order(const std::vector<std::vector<size_t>>& deps,
                                  const std::function<void(size_t)>& work);

}  // namespace recipe
