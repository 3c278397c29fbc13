#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// Writes small, valid `cargo metadata` JSON for tests: declare packages, their targets,
// features and dependencies; resolve edges are derived from the declarations (each dependency
// resolves to the one package of that name).
namespace recipe::testing {

class MetadataBuilder {
 public:
  struct Dep {
    std::string name;
    std::string kind;  // "", "build", "dev"
    bool optional = false;
    bool default_features = true;
    std::vector<std::string> features;
    std::string rename;
    std::string target;  // platform, e.g. "cfg(windows)"
  };

  // Add a package; `kind` is the lib target kind ("lib", "proc-macro") or "bin" for a bin-only crate.
  MetadataBuilder& package(const std::string& name, const std::string& kind = "lib", bool member = false,
                           bool build_script = false);
  MetadataBuilder& feature(const std::string& package, const std::string& name, std::vector<std::string> values);
  MetadataBuilder& dep(const std::string& package, Dep dep);
  MetadataBuilder& bin(const std::string& package, const std::string& name,
                       std::vector<std::string> required_features = {});
  MetadataBuilder& links(const std::string& package, const std::string& links);
  // `[package.metadata]` of `package`, or with "" `[workspace.metadata]`, as JSON.
  MetadataBuilder& metadata(const std::string& package, nlohmann::json metadata);
  std::string json() const;

 private:
  nlohmann::json& find(const std::string& name);
  nlohmann::json m_packages = nlohmann::json::array();
  std::vector<std::string> m_members;
  nlohmann::json m_workspace_metadata;
};

}  // namespace recipe::testing
