#include "generator/hints/manifest_hints.hpp"

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "generator/hints/read_hints.hpp"

namespace recipe::hints {

namespace {

// A JSON value as a TOML value, handed to `put` as its concrete type (toml++ copies a node only
// through its concrete type). Positions are unknown: cargo metadata has none.
template <typename Put>
void with_toml(const nlohmann::json& value, Put&& put);

toml::table to_table(const nlohmann::json& object) {
  toml::table table;
  for (const auto& [key, item] : object.items()) {
    with_toml(item, [&](auto&& node) { table.insert(key, std::forward<decltype(node)>(node)); });
  }
  return table;
}

toml::array to_array(const nlohmann::json& array) {
  toml::array out;
  for (const auto& item : array) {
    with_toml(item, [&](auto&& node) { out.push_back(std::forward<decltype(node)>(node)); });
  }
  return out;
}

template <typename Put>
void with_toml(const nlohmann::json& value, Put&& put) {
  if (value.is_object()) {
    put(to_table(value));
  } else if (value.is_array()) {
    put(to_array(value));
  } else if (value.is_string()) {
    put(value.get<std::string>());
  } else if (value.is_boolean()) {
    put(value.get<bool>());
  } else if (value.is_number_integer()) {
    put(value.get<int64_t>());
  } else if (value.is_number()) {
    put(value.get<double>());
  } else {
    // TOML has no null; a string says "not a list" as well as anything would.
    put(std::string("null"));
  }
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
    toml::table metadata = to_table(nlohmann::json::parse(pkg.metadata));
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
    toml::table metadata = to_table(nlohmann::json::parse(workspace.metadata));
    if (const toml::table* green = section(metadata, "green")) {
      add(read_green_table(*green, nullptr, "", "workspace Cargo.toml: [workspace.metadata.green]",
                           "[workspace.metadata.green]"));
    }
    if (const toml::table* recipe = section(metadata, "recipe")) {
      add(read_hints_table(*recipe, "workspace Cargo.toml: [workspace.metadata.recipe]",
                           "[workspace.metadata.recipe]"));
    }
  }
  return sources;
}

}  // namespace recipe::hints
