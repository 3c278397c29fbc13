#include "generator/install/install_manifest.hpp"

#include <set>
#include <sstream>

#include "generator/cargo/toml_document.hpp"

namespace recipe::install {

namespace {

constexpr std::string_view k_dev_tables[] = {"dev-dependencies", "dev_dependencies"};
constexpr std::string_view k_kept_tables[] = {"dependencies", "build-dependencies", "build_dependencies"};

// Every table of `manifest` that declares dependencies: the top level and each [target.X].
std::vector<toml::table*> dependency_scopes(toml::table& manifest) {
  std::vector<toml::table*> scopes = {&manifest};
  if (toml::table* targets = manifest["target"].as_table()) {
    for (auto& [platform, scope] : *targets) {
      if (toml::table* table = scope.as_table()) {
        scopes.push_back(table);
      }
    }
  }
  return scopes;
}

// The dependency name a feature value enables something of, or "" ("f", "dep:x" name none).
std::string_view dependency_of(std::string_view value) {
  auto slash = value.find('/');
  if (slash == std::string_view::npos) {
    return "";
  }
  std::string_view dep = value.substr(0, slash);
  return dep.ends_with("?") ? dep.substr(0, dep.size() - 1) : dep;
}

}  // namespace

std::string without_dev_dependencies(std::string_view text, const std::string& origin) {
  toml::table manifest = cargo::parse_toml(text, origin);
  std::set<std::string, std::less<>> dev_only;
  std::set<std::string, std::less<>> kept;
  for (toml::table* scope : dependency_scopes(manifest)) {
    for (std::string_view key : k_kept_tables) {
      if (const toml::table* deps = (*scope)[key].as_table()) {
        for (const auto& [name, decl] : *deps) {
          kept.emplace(name.str());
        }
      }
    }
    for (std::string_view key : k_dev_tables) {
      if (const toml::table* deps = (*scope)[key].as_table()) {
        for (const auto& [name, decl] : *deps) {
          dev_only.emplace(name.str());
        }
      }
      scope->erase(key);
    }
  }
  for (const auto& name : kept) {
    dev_only.erase(name);
  }
  if (toml::table* features = manifest["features"].as_table()) {
    for (auto& [feature, values] : *features) {
      if (toml::array* list = values.as_array()) {
        for (size_t i = list->size(); i-- > 0;) {
          const toml::value<std::string>* value = (*list)[i].as_string();
          if (value != nullptr && dev_only.contains(dependency_of(value->get()))) {
            list->erase(list->begin() + static_cast<std::ptrdiff_t>(i));
          }
        }
      }
    }
  }
  std::ostringstream out;
  out << manifest << "\n";
  return out.str();
}

}  // namespace recipe::install
