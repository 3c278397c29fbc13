#pragma once

#include <map>
#include <set>
#include <string>
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

// Why a feature or a package was switched on: asked on the command line, listed by a feature of
// a package's `[features]` table, or asked by a package's dependency declaration. One such is an
// edge of `cargo tree -e features -i`.
struct Activation {
  enum class Kind { command_line, feature, dependency };
  Kind kind = Kind::command_line;
  size_t from_slot = 0;  // the package side that caused it (see ResolvedFeatures::slot); not for command_line
  std::string feature;   // for Kind::feature: the feature whose list held the value

  auto operator<=>(const Activation&) const = default;
};

// The outcome: features and activated optional dependencies per (package, for-host). Packages
// are those of the workspace it was resolved on.
class ResolvedFeatures {
 public:
  ResolvedFeatures(const model::Workspace& ws, FeatureOptions opts)
      : m_ws(&ws),
        m_opts(opts),
        m_features(2 * ws.packages.size()),
        m_activated_deps(2 * ws.packages.size()),
        m_feature_reasons(2 * ws.packages.size()),
        m_package_reasons(2 * ws.packages.size()) {}

  // Features enabled on `pkg` for host (`host`) or target use; empty if never activated.
  const std::set<std::string>& features(const model::Package& pkg, bool host) const {
    return m_features[slot(pkg, host)];
  }
  // Whether the optional dependency `dep_name` of `pkg` was switched on.
  bool is_dep_activated(const model::Package& pkg, bool host, const std::string& dep_name) const {
    return m_activated_deps[slot(pkg, host)].contains(dep_name);
  }
  const FeatureOptions& options() const { return m_opts; }

  // Every reason `feature` of `pkg` was switched on; empty if it is off.
  const std::set<Activation>& reasons(const model::Package& pkg, bool host, const std::string& feature) const;
  // Every reason `pkg` was reached on its host or target side; empty if it never was.
  const std::set<Activation>& package_reasons(const model::Package& pkg, bool host) const {
    return m_package_reasons[slot(pkg, host)];
  }
  // The slot of `pkg`'s host or target side, as Activation::from_slot names it.
  size_t slot_of(const model::Package& pkg, bool host) const { return slot(pkg, host); }
  // The package and side an Activation's `from_slot` names.
  const model::Package& package_of(size_t slot) const { return m_ws->packages[slot / 2]; }
  bool host_of(size_t slot) const { return slot % 2 == 1; }

 private:
  friend class FeatureResolver;
  // Two slots per package, target then host; resolver 1 shares the target one.
  size_t slot(const model::Package& pkg, bool host) const {
    return 2 * m_ws->index_of(pkg) + (m_opts.decouple_host_deps && host ? 1 : 0);
  }

  const model::Workspace* m_ws;
  FeatureOptions m_opts;
  std::vector<std::set<std::string>> m_features;                               // by slot
  std::vector<std::set<std::string>> m_activated_deps;                         // by slot
  std::vector<std::map<std::string, std::set<Activation>>> m_feature_reasons;  // by slot, then feature
  std::vector<std::set<Activation>> m_package_reasons;                         // by slot
};

struct FeaturePlatforms {
  std::vector<const model::CfgSet*> targets;  // where normal units run: each --target, or the host
  const model::CfgSet* host;                  // where build scripts and proc-macros run
};

// Resolve features the way cargo's FeatureResolver does, starting from `requested`.
// Throws InputError for a requested feature that a package does not have.
ResolvedFeatures resolve_features(const model::Workspace& ws, const DepGraph& graph,
                                  const std::vector<RequestedPackage>& requested, const FeatureOptions& opts,
                                  const FeaturePlatforms& platforms);

}  // namespace recipe::plan
