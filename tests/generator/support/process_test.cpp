#include "generator/support/process.hpp"

#include <gtest/gtest.h>

namespace recipe {
namespace {

TEST(Process, OutputLinesArriveWholeFromBothStreamsAndTheTextIsKept) {
  SubprocessRunner runner;
  RunOptions opts;
  std::vector<std::string> lines;
  opts.on_output_line = [&lines](std::string_view line) { lines.emplace_back(line); };
  // Lines split across writes, an empty line, and a last line without '\n' (not a whole line).
  ProcessResult r = runner.run({"sh", "-c", "printf 'one'; sleep 0.05; printf ' two\\n\\nthree\\n'; printf 'err\\n' >&2; printf tail"},
                               opts);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "one two\n\nthree\ntail");
  EXPECT_EQ(r.err, "err\n");
  std::vector<std::string> expected = {"one two", "", "three", "err"};
  std::sort(lines.begin(), lines.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(lines, expected);
}

TEST(Process, AProgramThatCannotStartHasNoExitCode) {
  SubprocessRunner runner;
  EXPECT_NE(runner.run({"/nonexistent/program"}, {}).exit_code, 0);
}

}  // namespace
}  // namespace recipe
