#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "generator/model/cfg_expr.hpp"
#include "generator/plan/dep_graph.hpp"

namespace recipe::plan {

// How features unify, as cargo's FeatureOpts: resolver 1 turns every decoupling off.
struct FeatureOptions {
  bool decouple_host_deps = true;       // build deps and proc-macros get their own features
  bool decouple_dev_deps = true;        // dev-deps count only when dev units are built
  bool ignore_inactive_targets = true;  // deps for other platforms do not enable features

  static FeatureOptions for_resolver(const std::string& resolver, bool dev_units);
};

// A package selected on the command line and the feature values asked of it.
struct RequestedPackage {
  std::string package_id;
  std::vector<std::string> feature_values;  // "f", "dep:x", "x/f", "x?/f"
  bool uses_default = true;
};

// The outcome: features and activated optional dependencies per (package id, for-host).
class ResolvedFeatures {
 public:
  ResolvedFeatures(FeatureOptions opts) : m_opts(opts) {}

  // Features enabled on `package_id` for host (`host`) or target use; empty if never activated.
  const std::set<std::string>& features(const std::string& package_id, bool host) const;
  // Whether the optional dependency `dep_name` of `package_id` was switched on.
  bool is_dep_activated(const std::string& package_id, bool host, const std::string& dep_name) const;
  const FeatureOptions& options() const { return m_opts; }

 private:
  friend class FeatureResolver;
  using Key = std::pair<std::string, bool>;
  Key key(const std::string& package_id, bool host) const {
    return {package_id, m_opts.decouple_host_deps && host};
  }

  FeatureOptions m_opts;
  std::map<Key, std::set<std::string>> m_features;
  std::map<Key, std::set<std::string>> m_activated_deps;
  std::set<std::string> m_empty;
};

struct FeaturePlatforms {
  const model::CfgSet* target;  // where normal units run
  const model::CfgSet* host;    // where build scripts and proc-macros run
};

// Resolve features the way cargo's FeatureResolver does, starting from `requested`.
// Throws InputError for a requested feature that a package does not have.
ResolvedFeatures resolve_features(const model::Workspace& ws, const DepGraph& graph,
                                  const std::vector<RequestedPackage>& requested,
                                  const FeatureOptions& opts, const FeaturePlatforms& platforms);

}  // namespace recipe::plan
