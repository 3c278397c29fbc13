// summarize: the reports of one night as one, each case marked against the baseline's case of
// the same recipe and name.
#include <gtest/gtest.h>

#include "audit/report/report.hpp"

namespace recipe::report {
namespace {

Case make_case(const std::string& suite, const std::string& name, Verdict verdict) {
  return {suite, name, verdict, "summary of " + name, "", {}};
}

TEST(Summarize, EachCaseIsMarkedAgainstTheBaselinesCaseOfTheSameRecipeAndName) {
  struct Row {
    std::string what;
    std::optional<Verdict> before;  // none: the baseline has no such case
    Verdict now;
    std::string change;
    bool regression;
  };
  const std::vector<Row> rows = {
      {"passes, passed", Verdict::pass, Verdict::pass, "unchanged", false},
      {"fails, passed", Verdict::pass, Verdict::fail, "regressed", true},
      {"errs, passed", Verdict::pass, Verdict::error, "regressed", true},
      {"fails, failed", Verdict::fail, Verdict::fail, "still failing", false},
      {"fails, erred", Verdict::error, Verdict::fail, "still failing", false},
      {"passes, failed", Verdict::fail, Verdict::pass, "fixed", false},
      {"passes, erred", Verdict::error, Verdict::pass, "fixed", false},
      {"passes, new", std::nullopt, Verdict::pass, "new", false},
      {"fails, new", std::nullopt, Verdict::fail, "new failure", true},
  };
  Report tonight{"build", {}, true, "", {}};
  Report baseline{"summary", {}, true, "", {}};
  for (const auto& row : rows) {
    tonight.cases.push_back(make_case("app.Dockerfile", row.what, row.now));
    if (row.before) {
      baseline.cases.push_back(make_case("app.Dockerfile", row.what, *row.before));
    }
  }
  // The same name under another recipe is another case.
  baseline.cases.push_back(make_case("other.Dockerfile", "fails, new", Verdict::pass));

  Report summary = summarize({tonight}, &baseline);
  EXPECT_EQ(summary.kind, "summary");
  ASSERT_EQ(summary.cases.size(), rows.size());
  size_t expected_regressions = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE(rows[i].what);
    const Case& c = summary.cases[i];
    EXPECT_EQ(c.facts.at("change"), rows[i].change);
    EXPECT_EQ(c.verdict, rows[i].now);
    EXPECT_EQ(c.summary, (rows[i].regression ? "REGRESSED: summary of " : "summary of ") + rows[i].what);
    expected_regressions += rows[i].regression ? 1 : 0;
  }
  EXPECT_EQ(regressions(summary), expected_regressions);
}

TEST(Summarize, WithoutABaselineEveryFailureIsNew) {
  Report one{"build", {}, true, "", {make_case("a", "x", Verdict::pass), make_case("a", "y", Verdict::fail)}};
  Report summary = summarize({one}, nullptr);
  EXPECT_EQ(summary.cases[0].facts.at("change"), "new");
  EXPECT_EQ(summary.cases[1].facts.at("change"), "new failure");
  EXPECT_EQ(regressions(summary), 1u);
}

TEST(Summarize, CasesAndRunsKeepTheirOrderAndAnIncompleteReportMakesTheSummaryIncomplete) {
  RunInfo run_a{1, "docker 20.10.24", "sha256:a", "docker build ...", {{"umask", "022"}}, 40.0, 0};
  RunInfo run_b{1, "buildah version 1.28.2", "sha256:b", "buildah build ...", {}, 50.0, 3};
  Report first{"build",
               {run_a},
               false,
               "a.Dockerfile: docker stopped answering during run 2",
               {make_case("a.Dockerfile", "lib-a", Verdict::pass)}};
  Report second{"generate", {}, true, "", {make_case("b.Dockerfile", "up-to-date", Verdict::fail)}};
  Report third{"build", {run_b}, false, "c.Dockerfile: the build of run 1 failed (exit 3)", {}};
  Report summary = summarize({first, second, third}, nullptr);
  EXPECT_FALSE(summary.complete);
  EXPECT_EQ(summary.incomplete_reason,
            "a.Dockerfile: docker stopped answering during run 2; c.Dockerfile: the build of run 1 failed (exit 3)");
  ASSERT_EQ(summary.cases.size(), 2u);
  EXPECT_EQ(summary.cases[0].suite, "a.Dockerfile");
  EXPECT_EQ(summary.cases[1].suite, "b.Dockerfile");
  ASSERT_EQ(summary.runs.size(), 2u);
  EXPECT_EQ(summary.runs[0].engine, "docker 20.10.24");
  EXPECT_EQ(summary.runs[1].exit_code, 3);
  EXPECT_EQ(summary.exit_code(), 3);

  Report complete = summarize({second}, nullptr);
  EXPECT_TRUE(complete.complete);
  EXPECT_EQ(complete.incomplete_reason, "");
  EXPECT_EQ(complete.exit_code(), 1);
}

}  // namespace
}  // namespace recipe::report
