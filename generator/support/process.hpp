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
  // arrives; the lines of the two streams interleave as they come. A last line without '\n' is
  // not a complete line.
  std::function<void(std::string_view)> on_output_line;
};

struct ProcessResult {
  // The program's exit status; -1 when it could not be started (not found, not executable,
  // `cwd` missing: `err` then says why) or was killed by a signal. A program that itself exits
  // 127 reads as 127.
  int exit_code = -1;
  std::string out;
  std::string err;
};

// One program to run, for ProcessRunner::run_together.
struct Command {
  std::vector<std::string> argv;
  RunOptions opts;
};

// Runs programs from an argv vector, never through a shell. A seam for tests, in the manner of
// ninja's CommandRunner: tests/support/fake_process_runner.hpp records commands and answers them.
class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  // Run `argv` to completion. Never throws for a failing program; check `exit_code`.
  virtual ProcessResult run(const std::vector<std::string>& argv, const RunOptions& opts) = 0;
  // Run every command to completion, possibly at the same time, and return their results in the
  // order given. This one runs them one after the other, in order (what fakes record).
  virtual std::vector<ProcessResult> run_together(const std::vector<Command>& commands);
};

// The real thing: fork/exec with pipes, searching PATH for argv[0]. An empty `argv` starts
// nothing and reads as a program that could not be started. Throws Error only when the pipes or
// the fork cannot be made. run_together starts every command at once (one thread each waits
// for its program), so the slowest one sets the wall time, not their sum.
class SubprocessRunner : public ProcessRunner {
 public:
  ProcessResult run(const std::vector<std::string>& argv, const RunOptions& opts) override;
  std::vector<ProcessResult> run_together(const std::vector<Command>& commands) override;
};

// Cuts one stream's bytes, handed over in chunks of any size, into complete lines for
// RunOptions::on_output_line.
class OutputLines {
 public:
  explicit OutputLines(std::function<void(std::string_view)> on_line) : m_on_line(std::move(on_line)) {}
  // Call the callback for each line that `chunk` completes, without its '\n'; keep the rest.
  void feed(std::string_view chunk);

 private:
  std::function<void(std::string_view)> m_on_line;
  std::string m_partial;  // the bytes after the last '\n' seen
};

// The deterministic environment of every subprocess we start (LC_ALL, TZ, SOURCE_DATE_EPOCH).
std::map<std::string, std::string> deterministic_env();

}  // namespace recipe
