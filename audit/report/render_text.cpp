#include <map>

#include "audit/report/report.hpp"

namespace recipe::report {

std::string render_text(const Report& report, bool colour) {
  auto paint = [colour](const char* code, const std::string& text) {
    return colour ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
  };
  std::map<std::string, std::vector<const Case*>> by_suite;
  for (const auto& c : report.cases) {
    by_suite[c.suite].push_back(&c);
  }
  std::string out;
  for (const auto& [suite, cases] : by_suite) {
    size_t passed = 0;
    for (const Case* c : cases) {
      passed += c->verdict == Verdict::pass ? 1 : 0;
    }
    out += suite + ": " + std::to_string(passed) + "/" + std::to_string(cases.size()) + " " +
           (passed == cases.size() ? paint("32", "ok") : paint("31;1", "NOT REPRODUCIBLE")) + "\n";
    // A rebuild lists every stage, first divergent ones highlighted; other audits only failures.
    if (report.kind == "build") {
      for (const Case* c : cases) {
        auto role = c->facts.find("role");
        bool first = role != c->facts.end() && role->second == "first divergent";
        std::string mark = c->verdict == Verdict::pass ? paint("32", "  same ")
                           : first                     ? paint("31;1", "  FIRST")
                                                       : paint("33", "  later");
        out += mark + " " + c->name + "  " + c->summary + "\n";
      }
    }
    for (const Case* c : cases) {
      if (c->verdict == Verdict::pass) {
        continue;
      }
      out += "  " + paint(c->verdict == Verdict::fail ? "31" : "33", to_string(c->verdict)) + " " + c->name + ": " +
             c->summary + "\n";
      for (const auto& [key, value] : c->facts) {
        out += "    " + key + ": " + value + "\n";
      }
      if (!c->detail.empty()) {
        out += c->detail;
        if (c->detail.back() != '\n') {
          out += "\n";
        }
      }
    }
  }
  if (!report.complete) {
    out += paint("33;1", "incomplete: ") + report.incomplete_reason + "\n";
  }
  out += "audit " + report.kind + ": " + std::to_string(report.count(Verdict::pass)) + " passed, " +
         std::to_string(report.count(Verdict::fail) + report.count(Verdict::error)) + " failed\n";
  return out;
}

}  // namespace recipe::report
