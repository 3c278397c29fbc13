#include "audit/runner/build_log.hpp"

#include <map>
#include <vector>

#include <re2/re2.h>

#include "audit/runner/progress_events.hpp"
#include "generator/support/line_reader.hpp"
#include "generator/support/printable.hpp"

namespace recipe::runner {

namespace {

// Lines that say why a step failed: a panic, a compiler or linker error, a missing tool.
bool is_telling(std::string_view line) {
  static const RE2 k_telling(
      R"((?i)(panicked at|^error|\berror:|error\[E|cannot find|could not|not found|undefined reference|No such file))");
  return RE2::PartialMatch(line, k_telling);
}

// The first two telling lines of a step's output, else its last line.
std::string cause_of(const std::vector<std::string>& output) {
  std::string cause;
  int found = 0;
  for (const auto& line : output) {
    if (is_telling(line) && found++ < 2) {
      cause += (cause.empty() ? "" : " / ") + printable(line);
    }
  }
  return cause.empty() && !output.empty() ? printable(output.back()) : cause;
}

}  // namespace

std::optional<BuildFailure> find_build_failure(std::string_view log) {
  // BuildKit (--progress=plain) numbers each step: "#15 [STAGE 1/1] RUN ...", then its output as
  // "#15 0.210 TEXT", and on failure "#15 ERROR: ...".
  static const RE2 k_header(R"(^#([0-9]+) \[([A-Za-z0-9._-]+) [0-9]+/[0-9]+\])");
  static const RE2 k_output(R"(^#([0-9]+) [0-9]+\.[0-9]+ (.*)$)");
  static const RE2 k_error(R"(^#([0-9]+) ERROR: )");
  // buildah announces stages as "[1/2] STEP 1/3: FROM base AS NAME", prints a step's output
  // bare, and ends with `Error: building at STEP "…": …` (buildah_stage_start, _failed_instruction).
  std::map<std::string, std::string> stage_of_step;
  std::map<std::string, std::vector<std::string>> output_of_step;
  std::string buildah_stage;
  std::vector<std::string> buildah_output;
  LineReader lines(log);
  std::string_view line;
  while (lines.next(line)) {
    std::string step;
    std::string text;
    if (RE2::PartialMatch(line, k_header, &step, &text)) {
      stage_of_step[step] = text;
    } else if (RE2::FullMatch(line, k_output, &step, &text)) {
      if (!text.empty()) {
        output_of_step[step].push_back(text);
      }
    } else if (RE2::PartialMatch(line, k_error, &step) && stage_of_step.contains(step)) {
      return BuildFailure{stage_of_step[step], cause_of(output_of_step[step])};
    } else if (std::string stage = buildah_stage_start(line); !stage.empty()) {
      buildah_stage = stage;
      buildah_output.clear();
    } else if (buildah_failed_instruction(line) && !buildah_stage.empty()) {
      return BuildFailure{buildah_stage, cause_of(buildah_output)};
    } else if (!line.empty() && !line.starts_with("[")) {
      buildah_output.emplace_back(line);
    }
  }
  return std::nullopt;
}

std::string failed_step_output(std::string_view log, size_t max_lines) {
  static const RE2 k_step(R"(^(#[0-9]+) )");
  static const RE2 k_error(R"(^(#[0-9]+) ERROR)");
  std::map<std::string, std::vector<std::string_view>> lines_of_step;
  std::vector<std::string_view> buildah_lines;
  std::vector<std::string_view> failed;
  LineReader lines(log);
  std::string_view line;
  while (lines.next(line)) {
    std::string step;
    if (RE2::PartialMatch(line, k_step, &step)) {
      lines_of_step[step].push_back(line);
      if (RE2::PartialMatch(line, k_error, &step)) {
        failed = lines_of_step[step];
      }
    } else if (!buildah_stage_start(line).empty()) {
      buildah_lines = {line};
    } else {
      buildah_lines.push_back(line);
      if (buildah_failed_instruction(line)) {
        failed = buildah_lines;
      }
    }
  }
  std::string out;
  for (size_t i = failed.size() > max_lines ? failed.size() - max_lines : 0; i < failed.size(); ++i) {
    out += printable(failed[i]) + "\n";  // a build script's output: no escape sequence reaches the terminal
  }
  return out;
}

}  // namespace recipe::runner
