#include "audit/runner/progress_events.hpp"

#include <cstdlib>
#include <utility>

#include <re2/re2.h>

namespace recipe::runner {

std::vector<StageEvent> ProgressEvents::on_line(std::string_view line) {
  static const RE2 k_header(R"(^#([0-9]+) \[([A-Za-z0-9._-]+) [0-9]+/[0-9]+\] )");
  static const RE2 k_cached(R"(^#([0-9]+) CACHED)");
  static const RE2 k_done(R"(^#([0-9]+) DONE ([0-9]+(?:\.[0-9]+)?)s)");
  static const RE2 k_error(R"(^#([0-9]+) ERROR)");
  static const RE2 k_buildah_stage(R"(STEP 1/[0-9]+: FROM \S+ AS ([A-Za-z0-9._-]+))");
  std::string step;
  std::string text;
  // The end of the stage of BuildKit step `step`, unless its end was reported already.
  auto end = [&](StageEventKind kind, double seconds) -> std::vector<StageEvent> {
    auto found = m_stage_of_step.find(step);
    if (found == m_stage_of_step.end() || m_ended[found->second]) {
      return {};
    }
    m_ended[found->second] = true;
    return {StageEvent{kind, found->second, seconds}};
  };
  if (RE2::PartialMatch(line, k_header, &step, &text)) {
    if (m_stage_of_step.contains(step)) {
      return {};
    }
    m_stage_of_step[step] = text;
    if (!m_ended.emplace(text, false).second) {
      return {};  // another step of a stage seen before
    }
    return {StageEvent{StageEventKind::started, text, 0.0}};
  }
  if (RE2::PartialMatch(line, k_cached, &step)) {
    return end(StageEventKind::cached, 0.0);
  }
  if (RE2::PartialMatch(line, k_done, &step, &text)) {
    return end(StageEventKind::done, std::strtod(text.c_str(), nullptr));
  }
  if (RE2::PartialMatch(line, k_error, &step)) {
    return end(StageEventKind::failed, 0.0);
  }
  if (RE2::PartialMatch(line, k_buildah_stage, &text)) {
    std::vector<StageEvent> events = finish(true);
    if (m_ended.emplace(text, false).second) {
      m_buildah_stage = text;
      events.push_back(StageEvent{StageEventKind::started, text, 0.0});
    }
    return events;
  }
  if (line.starts_with("error building at STEP")) {
    return finish(false);
  }
  return {};
}

std::vector<StageEvent> ProgressEvents::finish(bool succeeded) {
  if (m_buildah_stage.empty()) {
    return {};
  }
  std::string stage = std::exchange(m_buildah_stage, "");
  m_ended[stage] = true;
  return {StageEvent{succeeded ? StageEventKind::done : StageEventKind::failed, stage, 0.0}};
}

}  // namespace recipe::runner
