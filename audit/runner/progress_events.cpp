#include "audit/runner/progress_events.hpp"

#include <cstdlib>
#include <utility>

#include <re2/re2.h>

namespace recipe::runner {

EngineLog engine_log(std::string_view engine, std::optional<int> jobs) {
  if (engine != "buildah") {
    return EngineLog::buildkit;
  }
  return jobs && *jobs > 1 ? EngineLog::buildah_parallel : EngineLog::buildah;
}

std::string buildah_stage_start(std::string_view line) {
  static const RE2 k_stage(R"(^\[[0-9]+/[0-9]+\] STEP 1/[0-9]+: FROM \S+ AS ([A-Za-z0-9._-]+)$)");
  std::string stage;
  RE2::FullMatch(line, k_stage, &stage);
  return stage;
}

std::optional<std::string> buildah_failed_instruction(std::string_view line) {
  static const RE2 k_error(R"re(^(?:Error: building|error building) at STEP "(.*)": )re");
  std::string instruction;
  if (!RE2::PartialMatch(line, k_error, &instruction)) {
    return std::nullopt;
  }
  return instruction;
}

std::vector<StageEvent> ProgressEvents::on_line(std::string_view line) {
  return m_log == EngineLog::buildkit ? on_buildkit_line(line) : on_buildah_line(line);
}

std::vector<StageEvent> ProgressEvents::on_buildkit_line(std::string_view line) {
  static const RE2 k_header(R"(^#([0-9]+) \[([A-Za-z0-9._-]+) [0-9]+/[0-9]+\] )");
  static const RE2 k_cached(R"(^#([0-9]+) CACHED$)");
  static const RE2 k_done(R"(^#([0-9]+) DONE ([0-9]+(?:\.[0-9]+)?)s$)");
  static const RE2 k_error(R"(^#([0-9]+) ERROR)");
  static const RE2 k_canceled(R"(^#([0-9]+) CANCELED$)");
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
  if (RE2::FullMatch(line, k_cached, &step)) {
    return end(StageEventKind::cached, 0.0);
  }
  if (RE2::FullMatch(line, k_done, &step, &text)) {
    return end(StageEventKind::done, std::strtod(text.c_str(), nullptr));
  }
  if (RE2::PartialMatch(line, k_error, &step)) {
    return end(StageEventKind::failed, 0.0);
  }
  if (RE2::FullMatch(line, k_canceled, &step)) {
    return end(StageEventKind::cancelled, 0.0);
  }
  return {};
}

std::vector<StageEvent> ProgressEvents::on_buildah_line(std::string_view line) {
  // "[2/3] STEP 2/2: RUN …" (buildah 1.28, with and without --jobs): the stage's index first.
  static const RE2 k_step(R"(^\[([0-9]+)/[0-9]+\] STEP [0-9]+/[0-9]+: (.*)$)");
  std::string index;
  std::string text;
  if (auto failed = buildah_failed_instruction(line)) {
    m_failed_instruction = *failed;
    return {};
  }
  if (!RE2::FullMatch(line, k_step, &index, &text)) {
    return {};
  }
  std::vector<StageEvent> events;
  if (std::string stage = buildah_stage_start(line); !stage.empty()) {
    if (m_log == EngineLog::buildah) {
      for (const auto& open : std::set<std::string>(m_open)) {
        events.push_back(end_buildah(open, StageEventKind::done));
      }
    }
    m_stage_of_step[index] = stage;
    if (m_ended.emplace(stage, false).second) {
      m_open.insert(stage);
      events.push_back(StageEvent{StageEventKind::started, stage, 0.0});
    }
  }
  if (auto found = m_stage_of_step.find(index); found != m_stage_of_step.end()) {
    m_stage_of_instruction.insert_or_assign(text, found->second);  // the last to announce it
  }
  return events;
}

StageEvent ProgressEvents::end_buildah(const std::string& stage, StageEventKind kind) {
  m_open.erase(stage);
  m_ended[stage] = true;
  return StageEvent{kind, stage, 0.0};
}

std::vector<StageEvent> ProgressEvents::finish(bool succeeded) {
  std::vector<StageEvent> events;
  if (!succeeded && !m_open.empty()) {
    auto failed = m_stage_of_instruction.find(m_failed_instruction);
    if (failed != m_stage_of_instruction.end() && m_open.contains(failed->second)) {
      events.push_back(end_buildah(failed->second, StageEventKind::failed));
    } else if (m_log == EngineLog::buildah) {
      events.push_back(end_buildah(*m_open.begin(), StageEventKind::failed));  // the one running
    }
  }
  for (const auto& open : std::set<std::string>(m_open)) {
    events.push_back(end_buildah(open, succeeded ? StageEventKind::done : StageEventKind::cancelled));
  }
  return events;
}

}  // namespace recipe::runner
