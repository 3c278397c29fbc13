#include <set>

#include "audit/report/report.hpp"

namespace recipe::report {

namespace {

using CaseKey = std::pair<std::string, std::string>;

}  // namespace

Report summarize(const std::vector<Report>& reports, const Report* baseline) {
  Report out;
  out.kind = "summary";
  for (const auto& report : reports) {
    if (!report.complete) {
      out.complete = false;
      out.incomplete_reason += (out.incomplete_reason.empty() ? "" : "; ") + report.incomplete_reason;
    }
    out.cases.insert(out.cases.end(), report.cases.begin(), report.cases.end());
    out.runs.insert(out.runs.end(), report.runs.begin(), report.runs.end());
  }
  std::map<CaseKey, Verdict> before;
  if (baseline != nullptr) {
    for (const auto& c : baseline->cases) {
      before.emplace(CaseKey{c.suite, c.name}, c.verdict);
    }
  }
  // Against the baseline, each case is new, fixed, regressed, still failing or unchanged; with no
  // baseline every failure is new.
  for (auto& c : out.cases) {
    auto it = before.find({c.suite, c.name});
    bool failing = c.verdict != Verdict::pass;
    std::string change;
    if (it == before.end()) {
      change = failing ? "new failure" : "new";
    } else if (it->second == Verdict::pass) {
      change = failing ? "regressed" : "unchanged";
    } else {
      change = failing ? "still failing" : "fixed";
    }
    c.facts["change"] = change;
    if (change == "regressed" || change == "new failure") {
      c.summary = "REGRESSED: " + c.summary;
    }
  }
  return out;
}

size_t regressions(const Report& summary) {
  size_t n = 0;
  for (const auto& c : summary.cases) {
    auto change = c.facts.find("change");
    n += change != c.facts.end() && (change->second == "regressed" || change->second == "new failure") ? 1 : 0;
  }
  return n;
}

}  // namespace recipe::report
