#include <map>

#include "audit/report/report.hpp"

namespace recipe::report {

namespace {

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // XML 1.0 has no place for other control characters.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += '?';
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace

std::string render_junit(const Report& report) {
  std::map<std::string, std::vector<const Case*>> by_suite;
  for (const auto& c : report.cases) {
    by_suite[c.suite].push_back(&c);
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"cargo-recipe audit " + xml_escape(report.kind) + "\" tests=\"" +
         std::to_string(report.cases.size()) + "\" failures=\"" + std::to_string(report.count(Verdict::fail)) +
         "\" errors=\"" + std::to_string(report.count(Verdict::error) + (report.complete ? 0 : 1)) + "\">\n";
  for (const auto& [suite, cases] : by_suite) {
    size_t failures = 0;
    size_t errors = 0;
    for (const Case* c : cases) {
      failures += c->verdict == Verdict::fail ? 1 : 0;
      errors += c->verdict == Verdict::error ? 1 : 0;
    }
    out += "  <testsuite name=\"" + xml_escape(suite) + "\" tests=\"" + std::to_string(cases.size()) +
           "\" failures=\"" + std::to_string(failures) + "\" errors=\"" + std::to_string(errors) + "\">\n";
    for (const Case* c : cases) {
      out += "    <testcase classname=\"" + xml_escape(suite) + "\" name=\"" + xml_escape(c->name) + "\"";
      if (c->verdict == Verdict::pass) {
        out += "/>\n";
        continue;
      }
      std::string tag = c->verdict == Verdict::fail ? "failure" : "error";
      std::string body;
      for (const auto& [key, value] : c->facts) {
        body += key + ": " + value + "\n";
      }
      body += c->detail;
      out += ">\n      <" + tag + " message=\"" + xml_escape(c->summary) + "\">" + xml_escape(body) + "</" + tag +
             ">\n    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  if (!report.complete) {
    out +=
        "  <testsuite name=\"audit\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase classname=\"audit\" "
        "name=\"complete\">\n      <error message=\"" +
        xml_escape(report.incomplete_reason) + "\"/>\n    </testcase>\n  </testsuite>\n";
  }
  return out + "</testsuites>\n";
}

}  // namespace recipe::report
