#include "tests/support/metadata_builder.hpp"

#include <algorithm>

namespace recipe::testing {

namespace {

std::string id_of(const std::string& name) {
  return name + " 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)";
}

std::string crate_name(std::string name) {
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

}  // namespace

nlohmann::json& MetadataBuilder::find(const std::string& name) {
  for (auto& pkg : m_packages) {
    if (pkg["name"] == name) {
      return pkg;
    }
  }
  throw std::runtime_error("no package " + name);
}

MetadataBuilder& MetadataBuilder::package(const std::string& name, const std::string& kind, bool member,
                                          bool build_script) {
  std::string dir = "/ws/" + name;
  nlohmann::json targets = nlohmann::json::array();
  if (kind == "bin") {
    targets.push_back({{"name", name},
                       {"kind", {"bin"}},
                       {"crate_types", {"bin"}},
                       {"src_path", dir + "/src/main.rs"},
                       {"edition", "2021"}});
  } else {
    targets.push_back({{"name", crate_name(name)},
                       {"kind", {kind}},
                       {"crate_types", {kind}},
                       {"src_path", dir + "/src/lib.rs"},
                       {"edition", "2021"}});
  }
  if (build_script) {
    targets.push_back({{"name", "build-script-build"},
                       {"kind", {"custom-build"}},
                       {"crate_types", {"bin"}},
                       {"src_path", dir + "/build.rs"},
                       {"edition", "2021"}});
  }
  m_packages.push_back(
      {{"name", name},
       {"version", "1.0.0"},
       {"id", id_of(name)},
       {"source", member ? nlohmann::json() : nlohmann::json("registry+https://github.com/rust-lang/crates.io-index")},
       {"manifest_path", dir + "/Cargo.toml"},
       {"edition", "2021"},
       {"links", nullptr},
       {"dependencies", nlohmann::json::array()},
       {"features", nlohmann::json::object()},
       {"targets", targets}});
  if (member) {
    m_members.push_back(id_of(name));
  }
  return *this;
}

MetadataBuilder& MetadataBuilder::feature(const std::string& package, const std::string& name,
                                          std::vector<std::string> values) {
  find(package)["features"][name] = values;
  return *this;
}

MetadataBuilder& MetadataBuilder::dep(const std::string& package, Dep dep) {
  find(package)["dependencies"].push_back(
      {{"name", dep.name},
       {"req", "^1"},
       {"kind", dep.kind.empty() ? nlohmann::json() : nlohmann::json(dep.kind)},
       {"optional", dep.optional},
       {"uses_default_features", dep.default_features},
       {"features", dep.features},
       {"rename", dep.rename.empty() ? nlohmann::json() : nlohmann::json(dep.rename)},
       {"target", dep.target.empty() ? nlohmann::json() : nlohmann::json(dep.target)}});
  return *this;
}

MetadataBuilder& MetadataBuilder::bin(const std::string& package, const std::string& name,
                                      std::vector<std::string> required_features) {
  find(package)["targets"].push_back({{"name", name},
                                      {"kind", {"bin"}},
                                      {"crate_types", {"bin"}},
                                      {"src_path", "/ws/" + package + "/src/bin/" + name + ".rs"},
                                      {"edition", "2021"},
                                      {"required-features", required_features}});
  return *this;
}

MetadataBuilder& MetadataBuilder::links(const std::string& package, const std::string& links) {
  find(package)["links"] = links;
  return *this;
}

MetadataBuilder& MetadataBuilder::metadata(const std::string& package, nlohmann::json metadata) {
  if (package.empty()) {
    m_workspace_metadata = std::move(metadata);
  } else {
    find(package)["metadata"] = std::move(metadata);
  }
  return *this;
}

std::string MetadataBuilder::json() const {
  nlohmann::json nodes = nlohmann::json::array();
  for (const auto& pkg : m_packages) {
    nlohmann::json deps = nlohmann::json::array();
    std::vector<std::string> ids;
    for (const auto& dep : pkg["dependencies"]) {
      std::string dep_name = dep["name"];
      std::string id = id_of(dep_name);
      auto existing = std::find(ids.begin(), ids.end(), id);
      nlohmann::json kind = {{"kind", dep["kind"]}, {"target", dep["target"]}};
      if (existing != ids.end()) {
        deps[existing - ids.begin()]["dep_kinds"].push_back(kind);
        continue;
      }
      ids.push_back(id);
      std::string extern_name = dep["rename"].is_null() ? crate_name(dep_name) : crate_name(dep["rename"]);
      deps.push_back({{"name", extern_name}, {"pkg", id}, {"dep_kinds", {kind}}});
    }
    nodes.push_back({{"id", pkg["id"]}, {"dependencies", ids}, {"deps", deps}, {"features", nlohmann::json::array()}});
  }
  nlohmann::json doc = {{"version", 1},
                        {"packages", m_packages},
                        {"workspace_members", m_members},
                        {"workspace_default_members", m_members},
                        {"resolve", {{"nodes", nodes}, {"root", nullptr}}},
                        {"workspace_root", "/ws"},
                        {"target_directory", "/ws/target"},
                        {"metadata", m_workspace_metadata}};
  return doc.dump();
}

}  // namespace recipe::testing
