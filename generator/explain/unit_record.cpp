#include "generator/explain/unit_record.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "generator/cargo/json_error.hpp"
#include "generator/support/error.hpp"

namespace recipe::explain {

namespace {

using nlohmann::json;

std::string text_of(const json& value) {
  if (value.is_null()) {
    return "none";
  }
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::vector<std::pair<std::string, std::string>> source_fields(const json& source) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [key, value] : source.items()) {
    out.emplace_back(key, text_of(value));
  }
  return out;
}

std::string unit_label(const json& unit) {
  const json& target = unit.at("target");
  std::string kind = unit.at("mode") == "run-custom-build" ? "build-script-run" : text_of(target.at("kind").at(0));
  if (kind == "custom-build") {
    kind = "build-script";
  }
  std::string features;
  for (const auto& feature : unit.at("features")) {
    features += (features.empty() ? "" : ",") + feature.get<std::string>();
  }
  // The id's first 12 digits, as in the recipe's stage names: two units may otherwise read alike.
  return kind + " " + text_of(unit.at("package")) + " " + text_of(target.at("name")) +
         (unit.at("for_host").get<bool>() ? " (host)" : "") + (features.empty() ? "" : " [" + features + "]") + " " +
         text_of(unit.at("id")).substr(0, 12);
}

UnitRecord read_unit(const json& unit, const std::map<std::string, const json*>& packages) {
  UnitRecord record;
  record.id = unit.at("id").get<std::string>();
  record.package = unit.at("package").get<std::string>();
  record.label = unit_label(unit);
  auto package = packages.find(record.package);
  if (package == packages.end()) {
    throw InputError("unit " + record.id + " names package \"" + record.package + "\", which the plan does not list");
  }
  const json& target = unit.at("target");
  record.match_key = text_of(package->second->at("name")) + " " + target.at("kind").dump() + " " +
                     text_of(target.at("name")) + " " + text_of(unit.at("mode")) + " " + text_of(unit.at("for_host")) +
                     " " + text_of(unit.at("platform"));
  record.source = source_fields(package->second->at("source"));
  auto files = std::ranges::find(record.source, std::string("files"), &std::pair<std::string, std::string>::first);
  if (files != record.source.end()) {
    record.files = files->second;
    record.source.erase(files);
  }
  for (const auto& feature : unit.at("features")) {
    record.features.insert(feature.get<std::string>());
  }
  for (const auto& [key, value] : unit.at("profile").items()) {
    record.profile.emplace_back(key, text_of(value));
  }
  record.platform = unit.at("platform").is_null() ? "" : unit.at("platform").get<std::string>();
  if (unit.contains("rustc_args")) {
    record.rustc_args = unit.at("rustc_args").get<std::vector<std::string>>();
  }
  record.env = unit.at("env").get<std::map<std::string, std::string>>();
  for (const auto& dep : unit.at("deps")) {
    record.deps.emplace_back(dep.at("extern_crate_name").get<std::string>(), dep.at("unit").get<std::string>());
  }
  return record;
}

}  // namespace

PlanRecord read_plan_record(std::string_view text, const std::string& origin) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    throw InputError(cargo::location_of(origin, text, e.byte == 0 ? 0 : e.byte - 1) + ": invalid JSON (" +
                     "give a file written by `cargo-recipe plan --format json`)");
  }
  if (!doc.is_object() || doc.value("schema", "") != "cargo-recipe/plan/1") {
    throw InputError(origin +
                     ":1:1: not a plan of schema \"cargo-recipe/plan/1\" (write one with "
                     "`cargo-recipe plan --format json`)");
  }
  try {
    PlanRecord plan;
    const json& toolchain = doc.at("toolchain");
    plan.toolchain = "rustc " + text_of(toolchain.at("rustc")) + " (" + text_of(toolchain.at("host")) + ")";
    std::map<std::string, const json*> packages;
    for (const auto& pkg : doc.at("packages")) {
      packages.emplace(pkg.at("key").get<std::string>(), &pkg);
    }
    for (const auto& unit : doc.at("units")) {
      plan.units.push_back(read_unit(unit, packages));
    }
    return plan;
  } catch (const json::exception& e) {
    throw InputError(origin + ":1:1: plan field missing or of the wrong type: " + std::string(e.what()));
  }
}

}  // namespace recipe::explain
