#pragma once

#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "audit/runner/build_status.hpp"
#include "audit/runner/progress_events.hpp"
#include "audit/runner/progress_text.hpp"
#include "audit/runner/recipe_units.hpp"

namespace recipe::runner {

// Watches one build: feeds each line of the engine's log through ProgressEvents into a
// BuildStatus and draws it on `out` as `mode` says (tty: the frame redrawn in place; plain: one
// line per finished unit; quiet: nothing). The clock is a parameter so tests can drive it.
class BuildWatcher {
 public:
  // `units`: what the build runs (read_recipe_units); `log`: whose log it reads; `clock`:
  // seconds since the build began.
  BuildWatcher(const std::map<std::string, RecipeUnit>& units, EngineLog log, ProgressMode mode, std::FILE* out,
               std::function<double()> clock);

  // One line of the engine's log, as it comes (BuildRequest::on_log_line).
  void on_log_line(std::string_view line);
  // The engine begins the build again (a retry): its step numbers start over, finished units stay.
  void restart();
  // The build ended: end buildah's open stage and leave the last frame on the terminal.
  void finish(bool succeeded);

  const BuildStatus& status() const { return m_status; }
  double elapsed() const { return m_clock(); }

 private:
  void apply(const StageEvent& event);
  void draw();

  EngineLog m_log;
  ProgressEvents m_events;
  BuildStatus m_status;
  ProgressMode m_mode;
  std::FILE* m_out;
  std::function<double()> m_clock;
  size_t m_drawn_lines = 0;  // lines of the frame on the terminal now
  double m_drawn_at = -1.0;  // when the frame was drawn
};

// The mode a `--progress` word names ("tty", "plain", "quiet"), or for "auto" tty when `out` is
// a terminal, else plain. Throws InputError for another word.
ProgressMode progress_mode(const std::string& word, std::FILE* out);

}  // namespace recipe::runner
