#include "generator/plan/selection.hpp"

#include <algorithm>
#include <set>

#include "generator/support/error.hpp"

namespace recipe::plan {

namespace {

std::string join_quoted(const std::set<std::string>& names) {
  std::string out;
  for (const auto& name : names) {
    out += (out.empty() ? "\"" : ", \"") + name + "\"";
  }
  return out;
}

bool required_features_on(const model::Workspace& ws, const model::Package& pkg, const model::Target& target,
                          const ResolvedFeatures& features) {
  const auto& enabled = features.features(pkg, false);
  for (const auto& required : target.required_features) {
    auto slash = required.find('/');
    if (slash == std::string::npos) {
      if (!enabled.contains(required)) {
        return false;
      }
      continue;
    }
    // "dep/feature": the dependency must be on and have the feature.
    std::string dep_name = required.substr(0, slash);
    std::string dep_feature = required.substr(slash + 1);
    bool found = false;
    for (const auto& decl : pkg.dependencies) {
      if (decl.name_in_toml() != dep_name) {
        continue;
      }
      for (const auto& edge : ws.resolve.at(pkg.id)) {
        const model::Package& dep = ws.package(edge.package_id);
        if (dep.name == decl.package && (!decl.optional || features.is_dep_activated(pkg, false, dep_name)) &&
            features.features(dep, false).contains(dep_feature)) {
          found = true;
        }
      }
    }
    if (!found) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string resolver_version(const PlanInputs& inputs, const PlanOptions& opts) {
  if (inputs.manifest.resolver) {
    return *inputs.manifest.resolver;
  }
  if (opts.resolver) {
    return *opts.resolver;
  }
  std::string edition = inputs.manifest.edition.value_or("");
  if (edition.empty() && inputs.workspace->root_package) {
    edition = inputs.workspace->package(*inputs.workspace->root_package).edition;
  }
  if (edition == "2024") {
    return "3";
  }
  return edition == "2021" ? "2" : "1";
}

std::vector<RequestedPackage> select_packages(const model::Workspace& ws, const PlanOptions& opts) {
  std::vector<std::string> ids;
  if (!opts.packages.empty()) {
    for (const auto& name : opts.packages) {
      std::vector<std::string> matches;
      for (const auto& pkg : ws.packages) {
        if (pkg.name == name || pkg.key == name) {
          matches.push_back(pkg.id);
        }
      }
      if (matches.empty()) {
        std::set<std::string> members;
        for (const auto& id : ws.members) {
          members.insert(ws.package(id).name);
        }
        throw InputError("package \"" + name + "\" is not in the workspace (members: " + join_quoted(members) + ")");
      }
      if (matches.size() > 1) {
        throw InputError("package \"" + name + "\" is ambiguous: give it as NAME@VERSION");
      }
      ids.push_back(matches.front());
    }
  } else if (opts.workspace) {
    ids = ws.members;
  } else if (!ws.default_members.empty()) {
    ids = ws.default_members;
  } else if (ws.root_package) {
    ids = {*ws.root_package};
  } else {
    ids = ws.members;
  }
  std::ranges::sort(ids, {}, [&ws](const std::string& id) { return ws.package(id).key; });
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

  std::vector<RequestedPackage> requested;
  for (const auto& id : ids) {
    requested.push_back({id, {}, !opts.no_default_features});
  }
  for (const auto& feature : opts.features) {
    auto slash = feature.find('/');
    bool matched = false;
    for (auto& request : requested) {
      const model::Package& pkg = ws.package(request.package_id);
      if (slash != std::string::npos && feature.substr(0, slash) == pkg.name) {
        request.feature_values.push_back(feature.substr(slash + 1));
        matched = true;
      } else if (slash != std::string::npos) {
        // "dep/feature" of a dependency, for every selected package that has that dependency.
        std::string dep = feature.substr(0, slash);
        if (std::ranges::any_of(pkg.dependencies, [&dep](const auto& d) { return d.name_in_toml() == dep; })) {
          request.feature_values.push_back(feature);
          matched = true;
        }
      } else if (pkg.features.contains(feature)) {
        request.feature_values.push_back(feature);
        matched = true;
      }
    }
    if (!matched) {
      throw InputError("none of the selected packages has the feature \"" + feature + "\"");
    }
  }
  if (opts.all_features) {
    for (auto& request : requested) {
      for (const auto& [name, values] : ws.package(request.package_id).features) {
        request.feature_values.push_back(name);
      }
    }
  }
  return requested;
}

std::vector<RootTarget> select_root_targets(const model::Workspace& ws, const std::vector<RequestedPackage>& selected,
                                            const ResolvedFeatures& features, const PlanOptions& opts) {
  std::vector<RootTarget> roots;
  std::set<std::string> wanted_bins(opts.bins.begin(), opts.bins.end());
  std::set<std::string> found_bins;
  std::set<std::string> available_bins;
  for (const auto& request : selected) {
    const model::Package& pkg = ws.package(request.package_id);
    for (const auto& target : pkg.targets) {
      if (target.is_lib()) {
        if (wanted_bins.empty() && !opts.bins_only) {
          roots.push_back({&pkg, &target});
        }
        continue;
      }
      if (!target.is_bin()) {
        continue;
      }
      available_bins.insert(target.name);
      bool explicitly = wanted_bins.contains(target.name);
      if (!wanted_bins.empty() && !explicitly) {
        continue;
      }
      if (!required_features_on(ws, pkg, target, features)) {
        if (explicitly) {
          throw InputError("bin \"" + target.name + "\" requires the features " +
                           join_quoted({target.required_features.begin(), target.required_features.end()}) +
                           " (pass them with --features)");
        }
        continue;  // cargo skips such a bin silently unless it is asked for by name
      }
      found_bins.insert(target.name);
      roots.push_back({&pkg, &target});
    }
  }
  for (const auto& bin : wanted_bins) {
    if (!found_bins.contains(bin)) {
      throw InputError("no bin target named \"" + bin + "\"" +
                       (available_bins.empty() ? std::string(" (the selected packages have no bins)")
                                               : " (available: " + join_quoted(available_bins) + ")"));
    }
  }
  return roots;
}

}  // namespace recipe::plan
