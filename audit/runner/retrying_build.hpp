#pragma once

#include <functional>
#include <string>

#include "audit/runner/engine.hpp"

namespace recipe::runner {

struct RetryPolicy {
  int retries = 2;                                   // builds again after an engine-internal failure; 0: none
  std::string what;                                  // what is built, for messages: the recipe's path
  std::function<void(const std::string&)> on_retry;  // the one line announcing each retry
};

// Build `request` with `engine`; after an engine-internal failure (classify_failure) build it again,
// from the engine's cache (never --no-cache again), up to `policy.retries` times. A failed step
// is never retried. Returns the result of the build that succeeded. Throws EngineError with one
// line when a step failed (naming its stage, as find_build_failure reads it), when the engine
// stopped answering (it died or restarted: a later build continues from its cache), and when
// the retries are spent (naming the engine limit and the last reason).
BuildResult build_retrying(Engine& engine, BuildRequest request, const RetryPolicy& policy);

}  // namespace recipe::runner
