#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace recipe::runner {

// Where a failed build stopped, read from the engine's log.
struct BuildFailure {
  std::string stage;  // the stage whose step failed, e.g. build-script-run-libz-sys-1.1.8-0a1b2c3d4e5f
  std::string cause;  // the last line the step printed before it failed (the panic, the linker)
};

// The failed step of a BuildKit `--progress=plain` log (the "------ > [STAGE n/m] ..." block it
// prints on failure) or of a buildah log (`Error: building at STEP "…"`). None when the log shows none.
std::optional<BuildFailure> find_build_failure(std::string_view log);

// What the failed step printed, for quoting: the last `max_lines` lines of the BuildKit step that
// ended in "#N ERROR" (its "#N …" lines), or of buildah's output since the stage that failed began.
// "" when the log shows no failed step.
std::string failed_step_output(std::string_view log, size_t max_lines);

}  // namespace recipe::runner
