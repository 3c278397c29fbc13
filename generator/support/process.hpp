#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recipe {

struct RunOptions {
  std::optional<std::filesystem::path> cwd;
  // Variables set (or overridden) on top of the inherited environment.
  std::map<std::string, std::string> env;
  std::optional<std::string> stdin_data;
  // Also forward the child's stderr to ours as it arrives (progress of long builds).
  bool mirror_stderr = false;
  // Called with each complete line of the child's stdout or stderr (without its '\n') as it
  // arrives; the lines of the two streams interleave as they come.
  std::function<void(std::string_view)> on_output_line;
};

struct ProcessResult {
  int exit_code = -1;  // -1 when the program could not be started or was killed by a signal
  std::string out;
  std::string err;
};

// Runs programs from an argv vector, never through a shell. A seam for tests
// (FakeProcessRunner) in the manner of ninja's CommandRunner.
class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  // Run `argv` to completion. Never throws for a failing program; check `exit_code`.
  virtual ProcessResult run(const std::vector<std::string>& argv, const RunOptions& opts) = 0;
};

// The real thing: fork/exec with pipes, searching PATH for argv[0].
class SubprocessRunner : public ProcessRunner {
 public:
  ProcessResult run(const std::vector<std::string>& argv, const RunOptions& opts) override;
};

// The deterministic environment of every subprocess we start (LC_ALL, TZ, SOURCE_DATE_EPOCH).
std::map<std::string, std::string> deterministic_env();

}  // namespace recipe
