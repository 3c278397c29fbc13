#include <nlohmann/json.hpp>

#include "audit/report/report.hpp"
#include "generator/support/error.hpp"

namespace recipe::report {

namespace {

Verdict parse_verdict(const std::string& text, const std::string& where) {
  if (text == "pass") {
    return Verdict::pass;
  }
  if (text == "fail") {
    return Verdict::fail;
  }
  if (text == "error") {
    return Verdict::error;
  }
  throw InputError(where + ": unknown verdict \"" + text + "\" (expected pass, fail or error)");
}

}  // namespace

Report read_report_json(std::string_view text, const std::string& origin) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(origin + ": not a JSON report: " + e.what());
  }
  if (!doc.is_object() || doc.value("schema", "") != "cargo-recipe/audit-report/1") {
    throw InputError(origin + ": not an audit report (its \"schema\" is not \"cargo-recipe/audit-report/1\")");
  }
  Report report;
  try {
    report.kind = doc.at("kind").get<std::string>();
    report.complete = doc.at("complete").get<bool>();
    report.incomplete_reason = doc.at("incomplete_reason").get<std::string>();
    size_t i = 0;
    for (const auto& c : doc.at("cases")) {
      std::string where = origin + ": cases[" + std::to_string(i++) + "]";
      report.cases.push_back({c.at("suite").get<std::string>(), c.at("name").get<std::string>(),
                              parse_verdict(c.at("verdict").get<std::string>(), where),
                              c.at("summary").get<std::string>(), c.at("detail").get<std::string>(),
                              c.at("facts").get<std::map<std::string, std::string>>()});
    }
    for (const auto& r : doc.value("runs", nlohmann::json::array())) {
      report.runs.push_back({r.at("index").get<int>(), r.at("engine").get<std::string>(),
                             r.at("base_image_id").get<std::string>(), r.at("command").get<std::string>(),
                             r.at("variation").get<std::map<std::string, std::string>>(), 0,
                             r.at("exit_code").get<int>()});
    }
  } catch (const nlohmann::json::exception& e) {
    throw InputError(origin + ": not an audit report (schemas/audit-report.schema.json): " + e.what());
  }
  return report;
}

}  // namespace recipe::report
