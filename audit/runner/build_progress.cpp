#include "audit/runner/build_progress.hpp"

#include <unistd.h>

#include "audit/runner/progress_text.hpp"
#include "generator/emit/stage_names.hpp"

namespace recipe::runner {

BuildProgress::BuildProgress(int runs, size_t stages_per_run, std::FILE* out)
    : m_runs(runs), m_stages(stages_per_run), m_out(out), m_terminal(::isatty(::fileno(out)) != 0) {}

void BuildProgress::start_run(int index, EngineLog log) {
  m_run = index;
  m_events = ProgressEvents(log);
  m_done.clear();
  m_last_reported = 0;
  std::fprintf(m_out, "cargo-recipe: audit run %d/%d: building %zu unit stages...\n", m_run, m_runs, m_stages);
  std::fflush(m_out);
}

void BuildProgress::on_log_line(std::string_view line) {
  count(m_events.on_line(line));
}

void BuildProgress::count(const std::vector<StageEvent>& events) {
  for (const auto& event : events) {
    bool ended = event.kind == StageEventKind::done || event.kind == StageEventKind::cached;
    if (ended && emit::is_unit_stage_name(event.stage) && m_done.insert(event.stage).second) {
      report(false);
    }
  }
}

void BuildProgress::report(bool force) {
  size_t done = std::min(m_done.size(), m_stages);
  bool tenth = m_stages > 0 && done * 10 / m_stages != m_last_reported * 10 / m_stages;
  if (!force && !m_terminal && !tenth) {
    return;
  }
  m_last_reported = done;
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
  double total = static_cast<double>(m_runs) * static_cast<double>(m_stages);
  double finished = static_cast<double>(m_run - 1) * static_cast<double>(m_stages) + static_cast<double>(done);
  std::string eta = finished > 0 ? ", ETA " + minutes_and_seconds(elapsed * (total - finished) / finished) : "";
  std::fprintf(m_out, "%scargo-recipe: audit run %d/%d: %zu/%zu unit stages, elapsed %s%s%s",
               m_terminal ? "\r\033[K" : "", m_run, m_runs, done, m_stages, minutes_and_seconds(elapsed).c_str(),
               eta.c_str(), m_terminal ? "" : "\n");
  std::fflush(m_out);
}

void BuildProgress::finish_run(bool built, double seconds) {
  count(m_events.finish(built));  // buildah's last stage ends only here
  if (m_terminal) {
    std::fputs("\r\033[K", m_out);
  }
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
  double eta = elapsed / m_run * (m_runs - m_run);
  std::fprintf(m_out, "cargo-recipe: audit run %d/%d %s in %s (elapsed %s, ETA %s)\n", m_run, m_runs,
               built ? "built" : "FAILED", minutes_and_seconds(seconds).c_str(), minutes_and_seconds(elapsed).c_str(),
               minutes_and_seconds(eta).c_str());
  std::fflush(m_out);
}

}  // namespace recipe::runner
