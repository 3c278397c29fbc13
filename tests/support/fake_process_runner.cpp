#include "tests/support/fake_process_runner.hpp"

#include <algorithm>

namespace recipe::testing {

FakeProcessRunner& FakeProcessRunner::answer(std::vector<std::string> prefix, ProcessResult result) {
  return answer(std::move(prefix), [result = std::move(result)](const Command&) { return result; });
}

FakeProcessRunner& FakeProcessRunner::answer(std::vector<std::string> prefix, Handler handler) {
  m_rules.push_back({std::move(prefix), std::move(handler)});
  return *this;
}

ProcessResult FakeProcessRunner::run(const std::vector<std::string>& argv, const RunOptions& opts) {
  m_commands.push_back({argv, opts});
  const Command& command = m_commands.back();
  const Rule* best = nullptr;
  for (const auto& rule : m_rules) {
    bool matches =
        rule.prefix.size() <= argv.size() && std::equal(rule.prefix.begin(), rule.prefix.end(), argv.begin());
    if (matches && (best == nullptr || rule.prefix.size() >= best->prefix.size())) {
      best = &rule;
    }
  }
  if (best == nullptr) {
    return exits(-1, "", "cannot run \"" + (argv.empty() ? std::string() : argv[0]) + "\": No such file or directory");
  }
  ProcessResult result = best->handler(command);
  if (opts.on_output_line) {
    OutputLines out(opts.on_output_line);
    out.feed(result.out);
    OutputLines err(opts.on_output_line);
    err.feed(result.err);
  }
  return result;
}

std::vector<std::vector<std::string>> FakeProcessRunner::argvs() const {
  std::vector<std::vector<std::string>> out;
  out.reserve(m_commands.size());
  for (const auto& command : m_commands) {
    out.push_back(command.argv);
  }
  return out;
}

ProcessResult exits(int exit_code, std::string out, std::string err) {
  return {exit_code, std::move(out), std::move(err)};
}

}  // namespace recipe::testing
