#include "generator/plan/features.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "generator/support/error.hpp"

namespace recipe::plan {

namespace {

// A parsed entry of a `[features]` list.
struct FeatureValue {
  enum class Kind { feature, dep, dep_feature };
  Kind kind = Kind::feature;
  std::string name;     // feature name, or dependency name for dep / dep_feature
  std::string feature;  // for dep_feature: the dependency's feature
  bool weak = false;    // "x?/f"

  static FeatureValue parse(const std::string& text) {
    FeatureValue value;
    if (text.starts_with("dep:")) {
      value.kind = Kind::dep;
      value.name = text.substr(4);
    } else if (auto slash = text.find('/'); slash != std::string::npos) {
      value.kind = Kind::dep_feature;
      value.name = text.substr(0, slash);
      value.feature = text.substr(slash + 1);
      if (value.name.ends_with("?")) {
        value.name.pop_back();
        value.weak = true;
      }
    } else {
      value.name = text;
    }
    return value;
  }
};

}  // namespace

FeatureOptions FeatureOptions::for_resolver(const std::string& resolver, bool dev_units) {
  if (resolver == "1") {
    return {false, false, false};
  }
  return {true, !dev_units, true};
}

// Mirrors cargo's core/resolver/features.rs: activate_pkg / activate_fv / activate_rec /
// activate_dependency / activate_dep_feature, with weak features deferred until their
// dependency is switched on.
class FeatureResolver {
 public:
  FeatureResolver(const model::Workspace& ws, const DepGraph& graph, const FeatureOptions& opts,
                  const FeaturePlatforms& platforms)
      : m_ws(ws),
        m_graph(graph),
        m_platforms(platforms),
        m_result(ws, opts),
        m_processed(2 * ws.packages.size()),
        m_deps(2 * ws.packages.size()) {}

  ResolvedFeatures run(const std::vector<RequestedPackage>& requested) {
    for (const auto& request : requested) {
      const model::Package& pkg = m_ws.package(request.package_id);
      std::vector<FeatureValue> values;
      for (const auto& text : request.feature_values) {
        FeatureValue value = FeatureValue::parse(text);
        if (value.kind == FeatureValue::Kind::feature && !pkg.features.contains(value.name)) {
          throw InputError("package \"" + pkg.name + "\" has no feature \"" + value.name + "\"" + suggestion(pkg));
        }
        values.push_back(value);
      }
      if (request.uses_default && pkg.features.contains("default")) {
        values.push_back(FeatureValue::parse("default"));
      }
      // A proc-macro member is built for the host, yet its own targets may also be normal units.
      const Activation asked{Activation::Kind::command_line, 0, {}};
      if (m_result.m_opts.decouple_host_deps && pkg.is_proc_macro()) {
        activate_pkg(pkg, false, values, asked, asked);
        activate_pkg(pkg, true, values, asked, asked);
      } else {
        activate_pkg(pkg, false, values, asked, asked);
      }
    }
    return std::move(m_result);
  }

 private:
  static std::string suggestion(const model::Package& pkg) {
    std::string list;
    for (const auto& [name, values] : pkg.features) {
      list += (list.empty() ? "" : ", ") + name;
    }
    return list.empty() ? " (it declares no features)" : " (available: " + list + ")";
  }

  using Deps = std::vector<std::pair<const DepEdge*, bool>>;

  // The edges cargo's FeatureResolver::deps keeps, each with the for-host flag of the dependency;
  // worked out once per package and side, as the resolver asks again for every feature.
  const Deps& deps(const model::Package& pkg, bool host) {
    std::optional<Deps>& cached = m_deps[2 * m_ws.index_of(pkg) + (host ? 1 : 0)];
    if (!cached) {
      cached = active_deps(pkg, host);
    }
    return *cached;
  }

  Deps active_deps(const model::Package& pkg, bool host) const {
    Deps out;
    for (const auto& edge : m_graph.edges(pkg)) {
      const model::DependencyDecl& decl = *edge.decl;
      if (decl.platform && m_result.m_opts.ignore_inactive_targets) {
        // Cargo's dep_platform_activated: on the target side, active for any requested target.
        bool host_side = decl.kind == model::DepKind::build || host;
        bool active = host_side ? decl.platform->matches(*m_platforms.host)
                                : std::ranges::any_of(m_platforms.targets, [&decl](const model::CfgSet* cfg) {
                                    return decl.platform->matches(*cfg);
                                  });
        if (!active) {
          continue;
        }
      }
      if (m_result.m_opts.decouple_dev_deps && decl.kind == model::DepKind::dev) {
        continue;
      }
      bool dep_host = host || (m_result.m_opts.decouple_host_deps &&
                               (decl.kind == model::DepKind::build || edge.package->is_proc_macro()));
      out.emplace_back(&edge, dep_host);
    }
    return out;
  }

  // `reached` is why `pkg` is reached at all, `asked` why `values` are asked of it.
  void activate_pkg(const model::Package& pkg, bool host, const std::vector<FeatureValue>& values,
                    const Activation& reached, const Activation& asked) {
    size_t slot = m_result.slot(pkg, host);
    m_result.m_package_reasons[slot].insert(reached);
    for (const auto& value : values) {
      activate_fv(pkg, host, value, asked);
    }
    if (m_processed[slot]) {
      return;
    }
    m_processed[slot] = true;
    for (const auto& [edge, dep_host] : deps(pkg, host)) {
      if (edge->decl->optional) {
        continue;  // switched on through a feature, if at all
      }
      const Activation declared{Activation::Kind::dependency, slot, {}};
      activate_pkg(*edge->package, dep_host, values_from_dependency(*edge), declared, declared);
    }
  }

  static std::vector<FeatureValue> values_from_dependency(const DepEdge& edge) {
    std::vector<FeatureValue> values;
    for (const auto& text : edge.decl->features) {
      values.push_back(FeatureValue::parse(text));
    }
    if (edge.decl->uses_default_features && edge.package->features.contains("default")) {
      values.push_back(FeatureValue::parse("default"));
    }
    return values;
  }

  // `why` is the reason `value` is asked of `pkg`.
  void activate_fv(const model::Package& pkg, bool host, const FeatureValue& value, const Activation& why) {
    switch (value.kind) {
      case FeatureValue::Kind::feature:
        activate_rec(pkg, host, value.name, why);
        break;
      case FeatureValue::Kind::dep:
        activate_dependency(pkg, host, value.name, why);
        break;
      case FeatureValue::Kind::dep_feature:
        activate_dep_feature(pkg, host, value, why);
        break;
    }
  }

  void activate_rec(const model::Package& pkg, bool host, const std::string& feature, const Activation& why) {
    size_t slot = m_result.slot(pkg, host);
    m_result.m_feature_reasons[slot][feature].insert(why);
    if (!m_result.m_features[slot].insert(feature).second) {
      return;
    }
    auto it = pkg.features.find(feature);
    if (it == pkg.features.end()) {
      return;  // "default" when undeclared; dependency features were validated on input
    }
    const Activation listed{Activation::Kind::feature, slot, feature};
    for (const auto& text : it->second) {
      activate_fv(pkg, host, FeatureValue::parse(text), listed);
    }
  }

  void activate_dependency(const model::Package& pkg, bool host, const std::string& dep_name, const Activation& why) {
    size_t slot = m_result.slot(pkg, host);
    m_result.m_activated_deps[slot].insert(dep_name);
    std::set<std::pair<std::string, Activation>> deferred;
    if (auto it = m_deferred.find({slot, dep_name}); it != m_deferred.end()) {
      deferred = std::move(it->second);
      m_deferred.erase(it);
    }
    const Activation declared{Activation::Kind::dependency, slot, {}};
    for (const auto& [edge, dep_host] : deps(pkg, host)) {
      if (edge->decl->name_in_toml() != dep_name) {
        continue;
      }
      for (const auto& [feature, held_by] : deferred) {
        activate_rec(*edge->package, dep_host, feature, held_by);
      }
      activate_pkg(*edge->package, dep_host, values_from_dependency(*edge), why, declared);
    }
  }

  void activate_dep_feature(const model::Package& pkg, bool host, const FeatureValue& value, const Activation& why) {
    for (const auto& [edge, dep_host] : deps(pkg, host)) {
      if (edge->decl->name_in_toml() != value.name) {
        continue;
      }
      if (edge->decl->optional) {
        if (value.weak && !m_result.is_dep_activated(pkg, host, value.name)) {
          // "x?/f": remember f until something else switches x on.
          m_deferred[{m_result.slot(pkg, host), value.name}].emplace(value.feature, why);
          continue;
        }
        activate_fv(pkg, host, FeatureValue{FeatureValue::Kind::dep, value.name, "", false}, why);
        // "x/f" also enables the feature named x, unless `dep:x` hid that implicit feature.
        if (!value.weak && pkg.features.contains(value.name)) {
          activate_rec(pkg, host, value.name, why);
        }
      }
      activate_fv(*edge->package, dep_host, FeatureValue::parse(value.feature), why);
    }
  }

  const model::Workspace& m_ws;
  const DepGraph& m_graph;
  FeaturePlatforms m_platforms;
  ResolvedFeatures m_result;
  std::vector<bool> m_processed;  // by slot
  // "x?/f" waiting for x, with why each f was asked: by (slot, dependency).
  std::map<std::pair<size_t, std::string>, std::set<std::pair<std::string, Activation>>> m_deferred;
  std::vector<std::optional<Deps>> m_deps;  // by package index and raw host flag (see deps())
};

const std::set<Activation>& ResolvedFeatures::reasons(const model::Package& pkg, bool host,
                                                      const std::string& feature) const {
  static const std::set<Activation> k_none;
  const auto& by_feature = m_feature_reasons[slot(pkg, host)];
  auto it = by_feature.find(feature);
  return it == by_feature.end() ? k_none : it->second;
}

ResolvedFeatures resolve_features(const model::Workspace& ws, const DepGraph& graph,
                                  const std::vector<RequestedPackage>& requested, const FeatureOptions& opts,
                                  const FeaturePlatforms& platforms) {
  return FeatureResolver(ws, graph, opts, platforms).run(requested);
}

}  // namespace recipe::plan
