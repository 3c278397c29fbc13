#pragma once

#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>

#include "audit/runner/progress_events.hpp"

namespace recipe::runner {

// Progress of an audit: runs × unit stages, elapsed time and an estimate of what is left, read
// from the engines' logs as they come. On a terminal one line is redrawn; elsewhere (CI) a plain
// line is printed at each tenth of a run, so logs stay short.
class BuildProgress {
 public:
  // `runs` builds of `stages_per_run` unit stages each, reported on `out`.
  BuildProgress(int runs, size_t stages_per_run, std::FILE* out);

  // A new run begins, on an engine that writes `log`.
  void start_run(int index, EngineLog log);
  // One line of the engine's log: counts unit stages done or cached (ProgressEvents reads them).
  void on_log_line(std::string_view line);
  // The run ended; ends buildah's open stages and prints its line.
  void finish_run(bool built, double seconds);

  // Unit stages seen done in the current run.
  size_t done() const { return m_done.size(); }

 private:
  // Count the unit stages `events` end done or cached.
  void count(const std::vector<StageEvent>& events);
  void report(bool force);

  int m_runs;
  size_t m_stages;
  std::FILE* m_out;
  bool m_terminal;
  int m_run = 0;
  ProgressEvents m_events{EngineLog::buildkit};
  std::set<std::string> m_done;  // unit stages done or cached in this run
  size_t m_last_reported = 0;
  std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
};

}  // namespace recipe::runner
