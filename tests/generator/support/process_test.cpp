#include "generator/support/process.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "generator/support/scoped_fs.hpp"

namespace recipe {
namespace {

std::vector<std::string> lines_of(const std::vector<std::string_view>& chunks) {
  std::vector<std::string> lines;
  OutputLines splitter([&lines](std::string_view line) { lines.emplace_back(line); });
  for (std::string_view chunk : chunks) {
    splitter.feed(chunk);
  }
  return lines;
}

TEST(OutputLines, LinesSplitAcrossChunksArriveWholeAndAnUnfinishedLastLineDoesNot) {
  struct Case {
    std::vector<std::string_view> chunks;
    std::vector<std::string> lines;
  };
  const std::vector<Case> cases = {
      {{"one two\n\nthree\ntail"}, {"one two", "", "three"}},
      {{"one", " two\n", "\nthr", "ee\n", "tail"}, {"one two", "", "three"}},
      {{"o", "n", "e", "\n"}, {"one"}},
      {{"\n", "\n"}, {"", ""}},
      {{"first\nsec", "", "ond\n"}, {"first", "second"}},
      {{"no newline at all"}, {}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(lines_of(c.chunks), c.lines) << c.chunks.size() << " chunks, first \"" << c.chunks.front() << "\"";
  }
}

TEST(Process, OutputLinesComeFromBothStreamsAndTheTextIsKept) {
  SubprocessRunner runner;
  RunOptions opts;
  std::vector<std::string> lines;
  opts.on_output_line = [&lines](std::string_view line) { lines.emplace_back(line); };
  ProcessResult r = runner.run({"sh", "-c", "printf 'one two\\n\\nthree\\n'; printf 'err\\n' >&2; printf tail"}, opts);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "one two\n\nthree\ntail");
  EXPECT_EQ(r.err, "err\n");
  // The two streams interleave as the reads come: only the set of lines is fixed.
  std::vector<std::string> expected = {"one two", "", "three", "err"};
  std::ranges::sort(lines);
  std::ranges::sort(expected);
  EXPECT_EQ(lines, expected);
}

TEST(Process, TheEnvironmentAndWorkingDirectoryReachTheProgram) {
  SubprocessRunner runner;
  RunOptions opts;
  opts.cwd = "/";
  opts.env = {{"CARGO_RECIPE_PROBE", "here"}};
  opts.stdin_data = "from stdin";
  ProcessResult r = runner.run({"sh", "-c", "pwd; printf '%s\\n' \"$CARGO_RECIPE_PROBE\"; cat"}, opts);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "/\nhere\nfrom stdin");
}

TEST(Process, AProgramsOwnExitStatusIsItsExitCodeEven127) {
  SubprocessRunner runner;
  EXPECT_EQ(runner.run({"sh", "-c", "exit 3"}, {}).exit_code, 3);
  EXPECT_EQ(runner.run({"sh", "-c", "exit 127"}, {}).exit_code, 127);
}

TEST(Process, AProgramThatCannotStartReadsAsMinusOneAndSaysWhy) {
  SubprocessRunner runner;
  ProcessResult missing = runner.run({"/nonexistent/program"}, {});
  EXPECT_EQ(missing.exit_code, -1);
  EXPECT_EQ(missing.err, "cannot run \"/nonexistent/program\": No such file or directory");
  ProcessResult not_on_path = runner.run({"cargo-recipe-no-such-program"}, {});
  EXPECT_EQ(not_on_path.exit_code, -1);
  RunOptions nowhere;
  nowhere.cwd = "/nonexistent/folder";
  nowhere.stdin_data = "never read";
  ProcessResult no_cwd = runner.run({"true"}, nowhere);
  EXPECT_EQ(no_cwd.exit_code, -1);
  EXPECT_EQ(no_cwd.err, "cannot run \"true\" in /nonexistent/folder: No such file or directory");
  EXPECT_EQ(runner.run({}, {}).exit_code, -1);
}

TEST(Process, AProgramKilledByASignalReadsAsMinusOne) {
  SubprocessRunner runner;
  EXPECT_EQ(runner.run({"sh", "-c", "kill -KILL $$"}, {}).exit_code, -1);
}

TEST(Process, AProgramIsLookedUpInThePathTheChildGets) {
  TempDir bin("cargo-recipe-process-test");
  const std::filesystem::path script = bin.path() / "say-hello";
  ASSERT_EQ(
      SubprocessRunner()
          .run({"sh", "-c", "printf '#!/bin/sh\\necho hello from $0\\n' > \"$0\" && chmod +x \"$0\"", script.string()},
               {})
          .exit_code,
      0);
  RunOptions opts;
  opts.env["PATH"] = "/nonexistent:" + bin.path().string();
  ProcessResult found = SubprocessRunner().run({"say-hello"}, opts);
  EXPECT_EQ(found.exit_code, 0);
  EXPECT_EQ(found.out, "hello from " + script.string() + "\n");
  EXPECT_EQ(SubprocessRunner().run({"say-hello"}, {}).exit_code, -1);  // not in our own PATH
  // Never from the working directory, whether PATH names it relatively or not at all.
  RunOptions in_bin;
  in_bin.cwd = bin.path();
  in_bin.env["PATH"] = ".:/nonexistent";
  ProcessResult here = SubprocessRunner().run({"say-hello"}, in_bin);
  EXPECT_EQ(here.exit_code, -1);
  EXPECT_EQ(here.err, "cannot run \"say-hello\": No such file or directory");
  in_bin.env["PATH"] = "/nonexistent";
  EXPECT_EQ(SubprocessRunner().run({"say-hello"}, in_bin).exit_code, -1);
}

TEST(Process, RunTogetherRunsTheCommandsAtOnceAndAnswersInOrder) {
  // The first command waits for a line the second writes into a FIFO: run one after the other,
  // the first would wait until `timeout` ends it (exit 124).
  TempDir scratch("cargo-recipe-process-test");
  const std::string fifo = (scratch.path() / "fifo").string();
  ASSERT_EQ(SubprocessRunner().run({"mkfifo", fifo}, {}).exit_code, 0);
  SubprocessRunner runner;
  std::vector<ProcessResult> results =
      runner.run_together({{{"timeout", "20", "sh", "-c", "read line < \"$0\" && echo \"got $line\"", fifo}, {}},
                           {{"sh", "-c", "echo ready > \"$0\"; echo wrote", fifo}, {}},
                           {{"sh", "-c", "exit 3"}, {}}});
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].exit_code, 0);
  EXPECT_EQ(results[0].out, "got ready\n");
  EXPECT_EQ(results[1].out, "wrote\n");
  EXPECT_EQ(results[2].exit_code, 3);
}

}  // namespace
}  // namespace recipe
