#pragma once

#include <functional>
#include <string>
#include <vector>

#include "generator/support/process.hpp"

namespace recipe::testing {

// A ProcessRunner that starts nothing, in the manner of ninja's FakeCommandRunner: it records
// every command it is given and answers from a script of rules. A command no rule matches reads
// as a program that is not installed (exit -1, as SubprocessRunner reports one).
class FakeProcessRunner : public ProcessRunner {
 public:
  // One command as it was asked for.
  struct Command {
    std::vector<std::string> argv;
    RunOptions opts;
  };
  using Handler = std::function<ProcessResult(const Command&)>;

  // Answer every later command whose argv begins with `prefix` with `result`. The rule with the
  // longest matching prefix wins; between equal prefixes, the one added last.
  FakeProcessRunner& answer(std::vector<std::string> prefix, ProcessResult result);
  // The same, with an answer computed per command (for state: a daemon that dies mid-way).
  FakeProcessRunner& answer(std::vector<std::string> prefix, Handler handler);

  // Record `argv`, then answer it. The lines of the answer's `out`, then its `err`, go to
  // `opts.on_output_line` as a real run would hand them on.
  ProcessResult run(const std::vector<std::string>& argv, const RunOptions& opts) override;

  const std::vector<Command>& commands() const { return m_commands; }
  // The argv of every command so far, in order.
  std::vector<std::vector<std::string>> argvs() const;

 private:
  struct Rule {
    std::vector<std::string> prefix;
    Handler handler;
  };
  std::vector<Rule> m_rules;
  std::vector<Command> m_commands;
};

// A result with `exit_code` and `out`, for scripts.
ProcessResult exits(int exit_code, std::string out = "", std::string err = "");

}  // namespace recipe::testing
