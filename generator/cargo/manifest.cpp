#include "generator/cargo/manifest.hpp"

#include <set>

#include "generator/cargo/toml_document.hpp"

#include "generator/support/error.hpp"

namespace recipe::cargo {

using model::ProfileToml;
using model::RootManifest;

namespace {

class ProfileReader {
 public:
  explicit ProfileReader(std::string origin) : m_origin(std::move(origin)) {}

  ProfileToml read(const toml::table& table, const std::string& path, bool nested) const {
    ProfileToml profile;
    for (const auto& [key, node] : table) {
      std::string name(key.str());
      std::string where = location_of(m_origin, node) + ": " + path + "." + name;
      if (name == "opt-level") {
        profile.opt_level = scalar(node, where, {"0", "1", "2", "3", "s", "z"});
      } else if (name == "debug") {
        profile.debug_written = scalar(node, where, {});
        profile.debug = debug_level(node, where);
      } else if (name == "debug-assertions") {
        profile.debug_assertions = boolean(node, where);
      } else if (name == "overflow-checks") {
        profile.overflow_checks = boolean(node, where);
      } else if (name == "codegen-units") {
        if (!node.is_integer() || node.as_integer()->get() < 1) {
          throw InputError(where + ": must be a positive integer");
        }
        profile.codegen_units = static_cast<int>(node.as_integer()->get());
      } else if (name == "panic") {
        profile.panic = scalar(node, where, {"unwind", "abort"});
      } else if (name == "lto") {
        profile.lto = scalar(node, where, {"false", "true", "thin", "fat", "off"});
      } else if (name == "strip") {
        std::string strip = scalar(node, where, {"false", "true", "none", "debuginfo", "symbols"});
        profile.strip = strip == "false" ? "none" : strip == "true" ? "symbols" : strip;
      } else if (name == "split-debuginfo") {
        profile.split_debuginfo = scalar(node, where, {"off", "packed", "unpacked"});
      } else if (name == "incremental") {
        profile.incremental = boolean(node, where);
      } else if (name == "rpath") {
        profile.rpath = boolean(node, where);
      } else if (name == "inherits") {
        profile.inherits = scalar(node, where, {});
      } else if (name == "build-override" && !nested) {
        profile.build_override = std::make_shared<ProfileToml>(read(table_of(node, where), path + "." + name, true));
      } else if (name == "package" && !nested) {
        for (const auto& [spec, sub] : table_of(node, where)) {
          std::string spec_name(spec.str());
          profile.packages[spec_name] =
              read(table_of(sub, where + "." + spec_name), path + ".package." + spec_name, true);
        }
      }
      // Other keys (trim-paths, rustflags...) are unstable in cargo and left out of the plan.
    }
    return profile;
  }

 private:
  static const toml::table& table_of(const toml::node& node, const std::string& where) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      throw InputError(where + ": must be a table");
    }
    return *table;
  }

  static bool boolean(const toml::node& node, const std::string& where) {
    if (!node.is_boolean()) {
      throw InputError(where + ": must be true or false");
    }
    return node.as_boolean()->get();
  }

  // Booleans and integers are spelled as strings so one field type serves all their forms.
  static std::string scalar(const toml::node& node, const std::string& where, const std::set<std::string>& allowed) {
    std::string value;
    if (node.is_string()) {
      value = node.as_string()->get();
    } else if (node.is_integer()) {
      value = std::to_string(node.as_integer()->get());
    } else if (node.is_boolean()) {
      value = node.as_boolean()->get() ? "true" : "false";
    } else {
      throw InputError(where + ": must be a string, integer or boolean");
    }
    if (!allowed.empty() && !allowed.contains(value)) {
      std::string list;
      for (const auto& a : allowed) {
        list += (list.empty() ? "" : ", ") + a;
      }
      throw InputError(where + ": invalid value \"" + value + "\" (expected one of " + list + ")");
    }
    return value;
  }

  static std::string debug_level(const toml::node& node, const std::string& where) {
    std::string value =
        scalar(node, where,
               {"0", "1", "2", "true", "false", "none", "limited", "full", "line-tables-only", "line-directives-only"});
    if (value == "true" || value == "full") {
      return "2";
    }
    if (value == "false" || value == "none") {
      return "0";
    }
    return value == "limited" ? "1" : value;
  }

  std::string m_origin;
};

}  // namespace

RootManifest parse_root_manifest(std::string_view text, const std::string& origin) {
  toml::table doc = parse_toml(text, origin);
  RootManifest manifest;
  if (auto resolver = doc["workspace"]["resolver"].value<std::string>()) {
    manifest.resolver = *resolver;
  } else if (auto package_resolver = doc["package"]["resolver"].value<std::string>()) {
    manifest.resolver = *package_resolver;
  }
  if (auto edition = doc["package"]["edition"].value<std::string>()) {
    manifest.edition = *edition;
  }
  if (const toml::table* profiles = doc["profile"].as_table()) {
    ProfileReader reader(origin);
    for (const auto& [name, node] : *profiles) {
      if (const toml::table* table = node.as_table()) {
        manifest.profiles[std::string(name.str())] = reader.read(*table, "profile." + std::string(name.str()), false);
      }
    }
  }
  return manifest;
}

}  // namespace recipe::cargo
