#include "generator/hints/manifest_hints.hpp"

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "generator/hints/read_hints.hpp"

namespace recipe::hints {

namespace {

// A JSON value as the TOML node the hints readers take (positions unknown: cargo metadata has none).
std::unique_ptr<toml::node> to_toml(const nlohmann::json& value) {
  if (value.is_object()) {
    auto table = std::make_unique<toml::table>();
    for (const auto& [key, item] : value.items()) {
      table->insert(key, *to_toml(item));
    }
    return table;
  }
  if (value.is_array()) {
    auto array = std::make_unique<toml::array>();
    for (const auto& item : value) {
      array->push_back(*to_toml(item));
    }
    return array;
  }
  if (value.is_string()) {
    return std::make_unique<toml::value<std::string>>(value.get<std::string>());
  }
  if (value.is_boolean()) {
    return std::make_unique<toml::value<bool>>(value.get<bool>());
  }
  if (value.is_number_integer()) {
    return std::make_unique<toml::value<int64_t>>(value.get<int64_t>());
  }
  if (value.is_number()) {
    return std::make_unique<toml::value<double>>(value.get<double>());
  }
  // TOML has no null; a string says "not a list" as well as anything would.
  return std::make_unique<toml::value<std::string>>("null");
}

// The `recipe` and `green` tables of a metadata text written by cargo/metadata.cpp.
const toml::table* section(const toml::table& metadata, const char* name) {
  const toml::node* node = metadata.get(name);
  return node == nullptr ? nullptr : node->as_table();
}

}  // namespace

std::vector<HintSource> manifest_hint_sources(const model::Workspace& workspace) {
  std::vector<HintSource> sources;
  auto add = [&sources](HintSource source) {
    if (!source.crates.empty() || !source.everywhere.empty()) {
      sources.push_back(std::move(source));
    }
  };
  // packages are sorted by key already
  for (const auto& pkg : workspace.packages) {
    if (pkg.metadata.empty()) {
      continue;
    }
    toml::table metadata = std::move(*to_toml(nlohmann::json::parse(pkg.metadata))->as_table());
    if (const toml::table* green = section(metadata, "green")) {
      std::string origin = "Cargo.toml of " + pkg.key + ": [package.metadata.green]";
      add(read_green_table(*green, &pkg.name, pkg.version, origin, "[package.metadata.green] of " + pkg.key));
    }
    if (const toml::table* recipe = section(metadata, "recipe")) {
      std::string origin = "Cargo.toml of " + pkg.key + ": [package.metadata.recipe]";
      add(read_package_hints(*recipe, pkg.name, pkg.version, origin, "[package.metadata.recipe] of " + pkg.key));
    }
  }
  if (!workspace.metadata.empty()) {
    toml::table metadata = std::move(*to_toml(nlohmann::json::parse(workspace.metadata))->as_table());
    if (const toml::table* green = section(metadata, "green")) {
      add(read_green_table(*green, nullptr, "", "workspace Cargo.toml: [workspace.metadata.green]",
                           "[workspace.metadata.green]"));
    }
    if (const toml::table* recipe = section(metadata, "recipe")) {
      add(read_hints_table(*recipe, "workspace Cargo.toml: [workspace.metadata.recipe]", "[workspace.metadata.recipe]"));
    }
  }
  return sources;
}

}  // namespace recipe::hints
