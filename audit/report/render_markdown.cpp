#include "audit/report/report.hpp"

namespace recipe::report {

namespace {

// Table cells hold no pipes or line breaks.
std::string cell(std::string text) {
  for (char& c : text) {
    c = c == '|' ? '/' : c == '\n' ? ' ' : c;
  }
  return text;
}

}  // namespace

std::string render_markdown(const Report& report) {
  std::string out = "## cargo-recipe audit " + report.kind + "\n\n";
  out += std::to_string(report.count(Verdict::pass)) + " passed, " + std::to_string(report.count(Verdict::fail)) +
         " failed, " + std::to_string(report.count(Verdict::error)) + " errors" +
         (report.complete ? "" : " — **incomplete**: " + cell(report.incomplete_reason)) + "\n\n";
  out += "| recipe | check | verdict | summary |\n|---|---|---|---|\n";
  for (const auto& c : report.cases) {
    std::string verdict = c.verdict == Verdict::pass   ? "✅ pass"
                          : c.verdict == Verdict::fail ? "❌ fail"
                                                       : "⚠️ error";
    out += "| " + cell(c.suite) + " | " + cell(c.name) + " | " + verdict + " | " + cell(c.summary) + " |\n";
  }
  return out;
}

}  // namespace recipe::report
