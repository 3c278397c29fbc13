#include "generator/plan/plan_render.hpp"

#include <nlohmann/json.hpp>

#include "generator/plan/layout.hpp"

namespace recipe::plan {

namespace {

using nlohmann::json;

const char* source_kind(model::Source::Kind kind) {
  switch (kind) {
    case model::Source::Kind::path:
      return "path";
    case model::Source::Kind::registry:
      return "registry";
    case model::Source::Kind::git:
      return "git";
  }
  return "path";
}

json profile_json(const Profile& p) {
  json out = {{"name", p.name},
              {"opt_level", p.opt_level},
              {"debuginfo", p.debuginfo},
              {"debug_assertions", p.debug_assertions},
              {"overflow_checks", p.overflow_checks},
              {"panic", p.panic},
              {"lto", p.lto},
              {"strip", p.strip},
              {"codegen_units", nullptr}};
  if (p.codegen_units) {
    out["codegen_units"] = *p.codegen_units;
  }
  return out;
}

json unit_json(const Unit& u, const std::vector<Unit>& units) {
  json deps = json::array();
  for (const auto& dep : u.deps) {
    deps.push_back({{"unit", units[dep.unit].id}, {"extern_crate_name", dep.extern_crate_name}});
  }
  const model::Target& t = *u.target;
  json out = {{"id", u.id},
              {"package", u.package->key},
              {"target",
               {{"name", t.name},
                {"kind", t.kinds},
                {"crate_types", t.crate_types},
                {"src_path", t.src_path},
                {"edition", t.edition}}},
              {"mode", to_string(u.mode)},
              {"platform", u.platform ? json(*u.platform) : json()},
              {"for_host", u.for_host},
              {"features", u.features},
              {"profile", profile_json(u.profile)},
              {"deps", deps},
              {"env", u.env}};
  if (u.mode == Mode::build) {
    out["rustc_args"] = u.rustc_args;
    out["artifact"] = layout::unit_dir(u) + "/" + layout::artifact_file(u);
  }
  return out;
}

json package_json(const model::Package& pkg, const Plan& plan) {
  json source = {{"kind", source_kind(pkg.source.kind)}};
  switch (pkg.source.kind) {
    case model::Source::Kind::path:
      source["path"] = pkg.source.relative_path;
      break;
    case model::Source::Kind::registry:
      source["registry"] = pkg.source.url;
      source["checksum"] = plan.checksums.contains(pkg.key) ? json(plan.checksums.at(pkg.key)) : json();
      break;
    case model::Source::Kind::git:
      source["url"] = pkg.source.url;
      source["rev"] = pkg.source.rev;
      break;
  }
  return {{"key", pkg.key},
          {"name", pkg.name},
          {"version", pkg.version},
          {"edition", pkg.edition},
          {"links", pkg.links ? json(*pkg.links) : json()},
          {"member", pkg.is_member},
          {"source", source},
          {"dir", layout::source_dir(pkg)}};
}

}  // namespace

std::string render_plan_json(const Plan& plan) {
  json units = json::array();
  std::map<std::string, const model::Package*> packages;
  for (const auto& unit : plan.units) {
    units.push_back(unit_json(unit, plan.units));
    packages.emplace(unit.package->key, unit.package);
  }
  json package_list = json::array();
  for (const auto& [key, pkg] : packages) {
    package_list.push_back(package_json(*pkg, plan));
  }
  json roots = json::array();
  for (size_t root : plan.roots) {
    roots.push_back(plan.units[root].id);
  }
  json doc = {{"schema", "cargo-recipe/plan/1"},
              {"resolver", plan.resolver},
              {"profile", plan.profile},
              {"toolchain", {{"rustc", plan.rustc_release}, {"host", plan.host}}},
              {"target", plan.target ? json(*plan.target) : json()},
              {"packages", package_list},
              {"units", units},
              {"roots", roots}};
  return doc.dump(2) + "\n";
}

std::string render_plan_text(const Plan& plan) {
  std::string out;
  for (const auto& u : plan.units) {
    std::string features;
    for (const auto& f : u.features) {
      features += (features.empty() ? "" : ",") + f;
    }
    out += u.id.substr(0, 16) + "  " + u.package->key + "  " + u.target->kinds.front() + " " + u.target->name + "  " +
           to_string(u.mode) + (u.for_host ? " (host)" : "") + "  [" + features + "]\n";
  }
  out += std::to_string(plan.units.size()) + " units, " + std::to_string(plan.roots.size()) + " roots\n";
  return out;
}

}  // namespace recipe::plan
