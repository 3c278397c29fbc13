#include "audit/runner/build_watcher.hpp"

#include <unistd.h>

#include <algorithm>

#include "generator/support/error.hpp"

namespace recipe::runner {

namespace {

// A terminal frame is redrawn at each unit event, and otherwise at most this often.
constexpr double k_redraw_seconds = 0.25;

}  // namespace

BuildWatcher::BuildWatcher(const std::map<std::string, RecipeUnit>& units, EngineLog log, ProgressMode mode,
                           std::FILE* out, std::function<double()> clock)
    : m_log(log), m_events(log), m_status(units), m_mode(mode), m_out(out), m_clock(std::move(clock)) {}

void BuildWatcher::on_log_line(std::string_view line) {
  std::vector<StageEvent> events = m_events.on_line(line);
  for (const auto& event : events) {
    apply(event);
  }
  if (m_mode == ProgressMode::tty && (!events.empty() || m_clock() - m_drawn_at >= k_redraw_seconds)) {
    draw();
  }
}

void BuildWatcher::restart() {
  m_events = ProgressEvents(m_log);
}

void BuildWatcher::finish(bool succeeded) {
  for (const auto& event : m_events.finish(succeeded)) {
    apply(event);
  }
  if (m_mode == ProgressMode::tty) {
    draw();
  }
}

void BuildWatcher::apply(const StageEvent& event) {
  const UnitStatus* changed = m_status.apply(event, m_clock());
  if (changed != nullptr && m_mode == ProgressMode::plain) {
    std::string line = render_unit_line(*changed);
    if (!line.empty()) {
      std::fprintf(m_out, "%s\n", line.c_str());
      std::fflush(m_out);
    }
  }
}

void BuildWatcher::draw() {
  double now = m_clock();
  std::string frame = render_frame(m_status, now);
  // Back to the first line of the frame drawn before, and clear from there down.
  std::string erase = m_drawn_lines > 0 ? "\r\033[" + std::to_string(m_drawn_lines) + "A\033[J" : "\r\033[J";
  std::fputs((erase + frame).c_str(), m_out);
  std::fflush(m_out);
  m_drawn_lines = static_cast<size_t>(std::ranges::count(frame, '\n'));
  m_drawn_at = now;
}

ProgressMode progress_mode(const std::string& word, std::FILE* out) {
  if (word == "tty") {
    return ProgressMode::tty;
  }
  if (word == "plain") {
    return ProgressMode::plain;
  }
  if (word == "quiet") {
    return ProgressMode::quiet;
  }
  if (word == "auto") {
    return ::isatty(::fileno(out)) != 0 ? ProgressMode::tty : ProgressMode::plain;
  }
  throw InputError("unknown progress mode \"" + word + "\" (expected auto, tty, plain or quiet)");
}

}  // namespace recipe::runner
