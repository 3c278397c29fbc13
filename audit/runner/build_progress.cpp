#include "audit/runner/build_progress.hpp"

#include <unistd.h>

#include <re2/re2.h>

#include "generator/emit/stage_names.hpp"

namespace recipe::runner {

namespace {

std::string minutes_and_seconds(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  return s >= 60 ? std::to_string(s / 60) + "m" + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60) + "s"
                 : std::to_string(s) + "s";
}

}  // namespace

BuildProgress::BuildProgress(int runs, size_t stages_per_run, std::FILE* out)
    : m_runs(runs), m_stages(stages_per_run), m_out(out), m_terminal(::isatty(::fileno(out)) != 0) {}

void BuildProgress::start_run(int index) {
  m_run = index;
  m_steps_of_units.clear();
  m_done.clear();
  m_last_reported = 0;
  std::fprintf(m_out, "cargo-recipe: audit run %d/%d: building %zu unit stages...\n", m_run, m_runs, m_stages);
  std::fflush(m_out);
}

void BuildProgress::on_log_line(std::string_view line) {
  // BuildKit: "#15 [lib-foo-1.0.0-0a1b2c3d4e5f 2/2] RUN ...", later "#15 DONE 0.4s" or "#15 CACHED".
  static const RE2 k_header(R"(^#([0-9]+) \[([A-Za-z0-9._-]+) [0-9]+/[0-9]+\] RUN )");
  static const RE2 k_finished(R"(^#([0-9]+) (DONE|CACHED))");
  // buildah: "[4/9] STEP 1/3: FROM base AS NAME" starts a stage; the next stage's start ends it.
  static const RE2 k_buildah_stage(R"(STEP 1/[0-9]+: FROM \S+ AS ([A-Za-z0-9._-]+))");
  std::string step;
  std::string stage;
  if (RE2::PartialMatch(line, k_header, &step, &stage)) {
    if (emit::is_unit_stage_name(stage)) {
      m_steps_of_units.insert(step);
    }
  } else if (RE2::PartialMatch(line, k_finished, &step)) {
    if (m_steps_of_units.contains(step) && m_done.insert(step).second) {
      report(false);
    }
  } else if (RE2::PartialMatch(line, k_buildah_stage, &stage) && emit::is_unit_stage_name(stage)) {
    // Count the stage before it as done: buildah says nothing when a stage ends.
    m_done.insert("buildah:" + std::to_string(m_done.size()));
    report(false);
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
  std::fprintf(m_out, "%scargo-recipe: audit run %d/%d: %zu/%zu unit stages, elapsed %s%s%s", m_terminal ? "\r\033[K" : "",
               m_run, m_runs, done, m_stages, minutes_and_seconds(elapsed).c_str(), eta.c_str(), m_terminal ? "" : "\n");
  std::fflush(m_out);
}

void BuildProgress::finish_run(bool built, double seconds) {
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
