#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace recipe::runner {

// What an engine's log says happened to one stage.
enum class StageEventKind { started, cached, done, failed };

struct StageEvent {
  StageEventKind kind = StageEventKind::started;
  std::string stage;     // the recipe's stage name, e.g. lib-serde-1.0.152-3f2a9c1b7e4d
  double seconds = 0.0;  // done: the step's own duration when the engine prints one, else 0
};

// Reads an engine's plain log line by line into stage events, in the order they happen.
// BuildKit (`--progress=plain`): "#9 [STAGE 1/1] RUN …" starts a stage, "#9 CACHED", "#9 DONE 4.1s"
// and "#9 ERROR: …" end it. buildah: "[4/9] STEP 1/3: FROM base AS STAGE" starts a stage and
// ends the one before (buildah prints nothing when a stage ends), "error building at STEP" fails
// the current one; finish() ends the last. Lines it does not know yield nothing.
class ProgressEvents {
 public:
  // The events `line` reports (most lines: none; a buildah stage line: the end of the one before
  // and the start of the next). Each stage is reported started once and ended at most once.
  std::vector<StageEvent> on_line(std::string_view line);
  // The build ended (`succeeded` or not): the event that ends buildah's open stage, if any.
  std::vector<StageEvent> finish(bool succeeded);

 private:
  std::map<std::string, std::string> m_stage_of_step;  // BuildKit step number → stage
  std::map<std::string, bool> m_ended;                 // stage seen → whether its end was reported
  std::string m_buildah_stage;                         // buildah's open stage
};

}  // namespace recipe::runner
