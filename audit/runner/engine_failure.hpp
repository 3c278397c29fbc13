#pragma once

#include <string>
#include <string_view>

namespace recipe::runner {

// Who a failed build's log blames. Retrying helps only for engine_internal.
enum class FailureKind {
  step_failed,         // a RUN step exited non-zero: rustc, a build script, the helper
  engine_internal,     // BuildKit or the daemon failed on its own (a race, a crash, a lost snapshot)
  engine_unreachable,  // the daemon's socket refuses or is gone: nothing answers any more
  unknown,             // none of the above: the log says too little
};

struct FailureClass {
  FailureKind kind = FailureKind::unknown;
  std::string reason;  // the message that decided it, e.g. "flightcontrol: exceeded retry timeout"
};

// Classify the log of a failed docker or buildah build. A step's non-zero exit wins over
// anything else in the log (a real compile error is never blamed on the engine); the engine
// messages are looked for only in the engine's own lines, not in what a step printed. The
// messages are listed in docs/recipes.md ("When the engine fails").
FailureClass classify_failure(std::string_view log);

}  // namespace recipe::runner
