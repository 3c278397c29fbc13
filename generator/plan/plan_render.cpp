#include "generator/plan/plan_render.hpp"

#include <map>
#include <optional>
#include <string_view>

#include "generator/plan/layout.hpp"
#include "generator/support/json_writer.hpp"

namespace recipe::plan {

namespace {

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

// Keys are written in sorted order throughout: the plan was first printed from nlohmann objects
// (std::maps), and its bytes must not change.

void write_profile(JsonWriter& w, const Profile& p) {
  w.begin_object();
  w.key("codegen_units");
  if (p.codegen_units) {
    w.number(*p.codegen_units);
  } else {
    w.null();
  }
  w.key("debug_assertions").boolean(p.debug_assertions);
  w.key("debuginfo").string(p.debuginfo);
  w.key("lto").string(p.lto);
  w.key("name").string(p.name);
  w.key("opt_level").string(p.opt_level);
  w.key("overflow_checks").boolean(p.overflow_checks);
  w.key("panic").string(p.panic);
  w.key("strip").string(p.strip);
  w.end_object();
}

void write_target(JsonWriter& w, const model::Target& t) {
  w.begin_object();
  w.key("crate_types").strings(t.crate_types);
  w.key("edition").string(t.edition);
  w.key("kind").strings(t.kinds);
  w.key("name").string(t.name);
  w.key("src_path").string(t.src_path);
  w.end_object();
}

void write_optional(JsonWriter& w, const std::optional<std::string>& value) {
  if (value) {
    w.string(*value);
  } else {
    w.null();
  }
}

void write_unit(JsonWriter& w, const Unit& u, const std::vector<Unit>& units) {
  w.begin_object();
  if (u.mode == Mode::build) {
    w.key("artifact").string(layout::artifact_path(u));
  }
  w.key("deps").begin_array();
  for (const auto& dep : u.deps) {
    w.begin_object();
    w.key("extern_crate_name").string(dep.extern_crate_name);
    w.key("unit").string(units[dep.unit].id);
    w.end_object();
  }
  w.end_array();
  w.key("env").string_map(u.env);
  w.key("features").strings(u.features);
  w.key("for_host").boolean(u.for_host);
  w.key("id").string(u.id);
  w.key("mode").string(to_string(u.mode));
  w.key("package").string(u.package->key);
  w.key("platform");
  write_optional(w, u.platform);
  w.key("profile");
  write_profile(w, u.profile);
  if (u.mode == Mode::build) {
    w.key("rustc_args").strings(u.rustc_args);
  }
  w.key("target");
  write_target(w, *u.target);
  w.end_object();
}

void write_source(JsonWriter& w, const model::Package& pkg, const Plan& plan) {
  w.begin_object();
  switch (pkg.source.kind) {
    case model::Source::Kind::path:
      if (auto digest = plan.source_digests.find(pkg.key); digest != plan.source_digests.end()) {
        w.key("files").string(digest->second);
      }
      w.key("kind").string(source_kind(pkg.source.kind));
      w.key("path").string(pkg.source.relative_path);
      break;
    case model::Source::Kind::registry: {
      auto checksum = plan.checksums.find(pkg.key);
      w.key("checksum");
      if (checksum != plan.checksums.end()) {
        w.string(checksum->second);
      } else {
        w.null();
      }
      w.key("kind").string(source_kind(pkg.source.kind));
      w.key("registry").string(pkg.source.url);
      break;
    }
    case model::Source::Kind::git:
      w.key("kind").string(source_kind(pkg.source.kind));
      w.key("rev").string(pkg.source.rev);
      w.key("url").string(pkg.source.url);
      break;
  }
  w.end_object();
}

void write_package(JsonWriter& w, const model::Package& pkg, const Plan& plan) {
  w.begin_object();
  w.key("dir").string(layout::source_dir(pkg));
  w.key("edition").string(pkg.edition);
  w.key("key").string(pkg.key);
  w.key("links");
  write_optional(w, pkg.links);
  w.key("member").boolean(pkg.is_member);
  w.key("name").string(pkg.name);
  w.key("source");
  write_source(w, pkg, plan);
  w.key("version").string(pkg.version);
  w.end_object();
}

}  // namespace

std::string render_plan_json(const Plan& plan) {
  std::map<std::string_view, const model::Package*> packages;
  for (const auto& unit : plan.units) {
    packages.emplace(unit.package->key, unit.package);
  }
  // A unit takes 2 to 5 KB (its rustc line and environment); more is reserved than written.
  constexpr size_t k_bytes_per_unit = 8192;
  JsonWriter w(plan.units.size() * k_bytes_per_unit);
  w.begin_object();
  w.key("packages").begin_array();
  for (const auto& [key, pkg] : packages) {
    write_package(w, *pkg, plan);
  }
  w.end_array();
  w.key("profile").string(plan.profile);
  w.key("resolver").string(plan.resolver);
  w.key("roots").begin_array();
  for (size_t root : plan.roots) {
    w.string(plan.units[root].id);
  }
  w.end_array();
  w.key("schema").string("cargo-recipe/plan/1");
  w.key("targets").begin_array();
  for (const auto& triple : plan.targets) {
    w.string(triple);
  }
  w.end_array();
  w.key("toolchain").begin_object();
  w.key("host").string(plan.host);
  w.key("rustc").string(plan.rustc_release);
  w.end_object();
  w.key("units").begin_array();
  for (const auto& unit : plan.units) {
    write_unit(w, unit, plan.units);
  }
  w.end_array();
  w.end_object();
  std::string text = w.take();
  text += '\n';
  return text;
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
