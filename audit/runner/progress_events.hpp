#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace recipe::runner {

// What an engine's log says happened to one stage.
enum class StageEventKind { started, cached, done, failed, cancelled };

struct StageEvent {
  StageEventKind kind = StageEventKind::started;
  std::string stage;     // the recipe's stage name, e.g. lib-serde-1.0.152-3f2a9c1b7e4d
  double seconds = 0.0;  // done: the step's own duration when the engine prints one, else 0
};

// Whose log it is: each engine's lines are read with its own patterns only, so a step's output
// cannot pass for the other engine's progress lines.
enum class EngineLog {
  buildkit,          // docker build --progress=plain
  buildah,           // buildah build, one stage at a time (--jobs 1, its default)
  buildah_parallel,  // buildah build --jobs N > 1: stages run at once, their lines interleave
};

// The log engine `engine` (Engine::name(): "docker", "docker@HOST", "buildah") writes when it
// runs `jobs` steps at once (none: its default).
EngineLog engine_log(std::string_view engine, std::optional<int> jobs);

// The stage buildah's whole line `line` starts ("[4/9] STEP 1/3: FROM base AS STAGE"), else "".
std::string buildah_stage_start(std::string_view line);
// The instruction buildah's last line of a failed build names (`Error: building at STEP
// "INSTRUCTION": …`, before 1.28 "error building at STEP"), else none.
std::optional<std::string> buildah_failed_instruction(std::string_view line);

// Reads an engine's plain log line by line into stage events, in the order they happen.
// BuildKit: "#9 [STAGE 1/1] RUN …" starts a stage, "#9 CACHED", "#9 DONE 4.1s", "#9 ERROR: …"
// and "#9 CANCELED" end it. buildah prints "[4/9] STEP 1/3: FROM base AS STAGE" (the stage's
// index, whole lines only) when a stage starts and nothing when it ends: one stage at a time, each
// start ends the one before; with stages at once (buildah 1.28 announces them out of dependency
// order), finish() ends them all, so their times are the build's. A failed buildah build
// ends with `Error: building at STEP "INSTRUCTION": …`; finish(false) fails the stage that
// announced that step (its own output cannot: it comes before), and cancels the others open.
// Lines it does not know yield nothing.
class ProgressEvents {
 public:
  explicit ProgressEvents(EngineLog log) : m_log(log) {}

  // The events `line` reports (most lines: none; a buildah stage line: maybe the end of the one
  // before and the start of the next). Each stage is reported started once and ended at most once.
  std::vector<StageEvent> on_line(std::string_view line);
  // The build ended (`succeeded` or not): the events that end buildah's open stages, if any.
  std::vector<StageEvent> finish(bool succeeded);

 private:
  std::vector<StageEvent> on_buildkit_line(std::string_view line);
  std::vector<StageEvent> on_buildah_line(std::string_view line);
  // End the open buildah stage `stage` as `kind`.
  StageEvent end_buildah(const std::string& stage, StageEventKind kind);

  EngineLog m_log;
  std::map<std::string, std::string> m_stage_of_step;         // BuildKit step number, buildah stage index → stage
  std::map<std::string, bool> m_ended;                        // stage seen → whether its end was reported
  std::set<std::string> m_open;                               // buildah's stages started and not ended
  std::map<std::string, std::string> m_stage_of_instruction;  // buildah: a step's text → its stage
  std::string m_failed_instruction;                           // buildah: the step its error line names
};

}  // namespace recipe::runner
