// build_watched with a fake engine that replays a real BuildKit log (tests/workspaces/multi after
// an edit of one member, tests/fixtures/README.md): what each progress mode prints, what goes to
// the log, and that a failed step is quoted.
#include "audit/runner/watched_build.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include <gtest/gtest.h>

#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "generator/support/line_reader.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::runner {
namespace {

std::string fixture(const std::string& name) {
  return read_file(testing::test_data("fixtures/engine-logs/" + name));
}

// An engine that prints `log` line by line and exits `exit_code`, as docker build would.
class ReplayingEngine : public Engine {
 public:
  ReplayingEngine(std::string log, int exit_code) : m_log(std::move(log)), m_exit_code(exit_code) {}
  std::string name() const override { return "docker"; }
  std::string version() override { return "docker 20.10.24"; }
  std::string image_id(const std::string&) override { return ""; }
  bool alive() override { return true; }
  BuildResult build(const BuildRequest& request) override {
    LineReader lines(m_log);
    std::string_view line;
    while (lines.next(line)) {
      if (request.on_log_line) {
        request.on_log_line(line);
      }
    }
    return {m_exit_code, m_log};
  }

 private:
  std::string m_log;
  int m_exit_code;
};

// What a watched build of the multi recipe prints on a terminal-less stream in `mode`.
struct Watched {
  std::string shown;
  std::string log;
  BuildStatus status;
};

Watched watch(const std::string& log, int exit_code, ProgressMode mode) {
  std::map<std::string, RecipeUnit> units = read_recipe_units(fixture("multi-stages.Dockerfile"), "binaries");
  std::FILE* out = std::tmpfile();
  double now = 0.0;
  BuildWatcher watcher(units, EngineLog::buildkit, mode, out, [&now] { return now += 0.01; });
  ReplayingEngine engine(log, exit_code);
  std::ostringstream raw;
  RetryPolicy policy;
  policy.what = "multi.Dockerfile";
  try {
    build_watched(engine, BuildRequest{}, policy, watcher, raw, out);
  } catch (const EngineError&) {
  }
  std::rewind(out);
  std::string shown;
  char chunk[4096];
  while (size_t n = std::fread(chunk, 1, sizeof chunk, out)) {
    shown.append(chunk, n);
  }
  std::fclose(out);
  return {shown, raw.str(), watcher.status()};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  LineReader lines(text);
  std::string_view line;
  while (lines.next(line)) {
    out.emplace_back(line);
  }
  return out;
}

TEST(WatchedBuild, PlainModePrintsOneLinePerUnitAndTheLogGoesToItsFile) {
  std::string log = fixture("buildkit-multi-member-edit.log");
  Watched watched = watch(log, 0, ProgressMode::plain);
  EXPECT_EQ(watched.log, log);
  EXPECT_EQ(watched.status.total(), 55u);
  EXPECT_EQ(watched.status.built(), 8u);
  EXPECT_EQ(watched.status.cached(), 47u);
  std::vector<std::string> shown = lines_of(watched.shown);
  EXPECT_EQ(shown.size(), 55u);
  auto count = [&](const std::string& prefix) {
    return std::ranges::count_if(shown, [&](const std::string& l) { return l.starts_with(prefix); });
  };
  EXPECT_EQ(count("built "), 8);
  EXPECT_EQ(count("cached "), 47);
  EXPECT_NE(std::ranges::find(shown, "built bin mapp 0.1.0 in 2.8 s"), shown.end()) << watched.shown;
  EXPECT_EQ(watched.status.slowest(1)[0]->unit.stage, "bin-mapp-0.1.0-mapp-ac2057a0e35f");
  // The critical path starts at the edited member's library (mcore's build script uses it) and ends at
  // the binary that waits longest.
  std::string summary = render_summary(watched.status, 1, "");
  EXPECT_NE(summary.find("over 5 units (lib mutil 0.1.0 (host) -> build-script mcore 0.1.0 (host) -> build-script-run "
                         "mcore 0.1.0 (host) -> lib mcore 0.1.0 -> bin mapp 0.1.0)\n"),
            std::string::npos)
      << summary;
}

TEST(WatchedBuild, TerminalModeRedrawsTheTotalLineAsUnitsFinish) {
  Watched watched = watch(fixture("buildkit-multi-member-edit.log"), 0, ProgressMode::tty);
  std::vector<size_t> done_counts;
  size_t at = 0;
  while ((at = watched.shown.find("units ", at)) != std::string::npos) {
    done_counts.push_back(std::stoul(watched.shown.substr(at + 6)));
    at += 6;
  }
  ASSERT_GT(done_counts.size(), 2u);
  EXPECT_TRUE(std::ranges::is_sorted(done_counts));
  EXPECT_EQ(done_counts.front(), 0u);
  EXPECT_EQ(done_counts.back(), 55u);
  EXPECT_NE(watched.shown.find("\033[J"), std::string::npos);
  EXPECT_NE(watched.shown.find("  building "), std::string::npos);
}

TEST(WatchedBuild, QuietModePrintsNothingAndAFailedStepIsQuoted) {
  EXPECT_EQ(watch(fixture("buildkit-multi-member-edit.log"), 0, ProgressMode::quiet).shown, "");
  Watched failed = watch(fixture("rustc-error.log"), 1, ProgressMode::quiet);
  EXPECT_TRUE(failed.shown.starts_with("cargo-recipe: the failed step's last lines:\n")) << failed.shown;
  EXPECT_NE(failed.shown.find("error[E0425]"), std::string::npos) << failed.shown;
}

}  // namespace
}  // namespace recipe::runner
