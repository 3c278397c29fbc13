#pragma once

#include <ostream>

#include "audit/runner/build_watcher.hpp"
#include "audit/runner/engine.hpp"
#include "audit/runner/retrying_build.hpp"

namespace recipe::runner {

// Build `request` as build_retrying does, with every line of the engine's log written to `log`
// and fed to `watcher` (which draws the progress), instead of the engine's log on stderr. When
// the build fails, the failed step's last lines are quoted on `quote` before the EngineError
// build_retrying throws goes on.
void build_watched(Engine& engine, BuildRequest request, RetryPolicy policy, BuildWatcher& watcher, std::ostream& log,
                   std::FILE* quote);

}  // namespace recipe::runner
