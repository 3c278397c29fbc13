#include <nlohmann/json.hpp>

#include "audit/report/report.hpp"
#include "generator/version.hpp"

namespace recipe::report {

std::string render_json(const Report& report) {
  nlohmann::json cases = nlohmann::json::array();
  for (const auto& c : report.cases) {
    cases.push_back({{"suite", c.suite},
                     {"name", c.name},
                     {"verdict", to_string(c.verdict)},
                     {"summary", c.summary},
                     {"detail", c.detail},
                     {"facts", c.facts}});
  }
  nlohmann::json runs = nlohmann::json::array();
  for (const auto& r : report.runs) {
    runs.push_back({{"index", r.index},
                    {"engine", r.engine},
                    {"base_image_id", r.base_image_id},
                    {"command", r.command},
                    {"variation", r.variation},
                    {"exit_code", r.exit_code}});
  }
  nlohmann::json doc = {{"schema", "cargo-recipe/audit-report/1"},
                        {"runs", runs},
                        {"tool", std::string("cargo-recipe ") + k_version},
                        {"kind", report.kind},
                        {"complete", report.complete},
                        {"incomplete_reason", report.incomplete_reason},
                        {"summary",
                         {{"cases", report.cases.size()},
                          {"passed", report.count(Verdict::pass)},
                          {"failed", report.count(Verdict::fail)},
                          {"errors", report.count(Verdict::error)}}},
                        {"cases", cases}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace recipe::report
