#include "audit/runner/progress_text.hpp"

#include <cstdio>

namespace recipe::runner {

namespace {

// "4.2 s": a unit's time, to a tenth.
std::string tenths(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", seconds);
  return text;
}

}  // namespace

std::string minutes_and_seconds(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  return s >= 60 ? std::to_string(s / 60) + "m" + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60) + "s"
                 : std::to_string(s) + "s";
}

std::string render_unit_line(const UnitStatus& status) {
  std::string title = status.unit.title;
  switch (status.state) {
    case UnitState::built:
      return "built " + title + " in " + tenths(status.seconds);
    case UnitState::cached:
      return "cached " + title;
    case UnitState::failed:
      return "FAILED " + title + " after " + tenths(status.seconds);
    case UnitState::waiting:
    case UnitState::running:
      break;
  }
  return "";
}

std::string render_frame(const BuildStatus& status, double now) {
  std::string out;
  std::vector<const UnitStatus*> running = status.running();
  for (size_t i = 0; i < running.size() && i < k_frame_units; ++i) {
    out += "  building " + running[i]->unit.title + " (" + minutes_and_seconds(now - running[i]->started) + ")\n";
  }
  if (running.size() > k_frame_units) {
    out += "  +" + std::to_string(running.size() - k_frame_units) + " more building\n";
  }
  double eta = status.eta(now);
  out += "units " + std::to_string(status.done()) + "/" + std::to_string(status.total()) + " (" +
         std::to_string(status.cached()) + " cached), elapsed " + minutes_and_seconds(now) +
         (eta >= 0 && status.done() < status.total() ? ", ETA " + minutes_and_seconds(eta) : "") + "\n";
  return out;
}

std::string render_summary(const BuildStatus& status, double elapsed, const std::string& outputs) {
  std::string out = "summary: " + std::to_string(status.total()) + " units, " + std::to_string(status.built()) +
                    " built, " + std::to_string(status.cached()) + " cached" +
                    (status.failed() > 0 ? ", " + std::to_string(status.failed()) + " failed" : "") + ", in " +
                    minutes_and_seconds(elapsed) + "\n";
  std::vector<const UnitStatus*> slowest = status.slowest(5);
  if (!slowest.empty()) {
    out += "slowest:\n";
    for (const UnitStatus* unit : slowest) {
      out += "  " + tenths(unit->seconds) + "  " + unit->unit.title + "\n";
    }
  }
  CriticalPath path = status.critical_path();
  if (path.seconds > 0) {
    out += "critical path: " + tenths(path.seconds) + " over " + std::to_string(path.stages.size()) + " units (";
    for (size_t i = 0; i < path.stages.size(); ++i) {
      out += (i == 0 ? "" : " -> ") + status.units().at(path.stages[i]).unit.title;
    }
    out += ")\n";
  }
  if (!outputs.empty()) {
    out += "outputs: " + outputs + "\n";
  }
  return out;
}

}  // namespace recipe::runner
