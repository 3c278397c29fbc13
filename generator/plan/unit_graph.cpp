#include "generator/plan/unit_graph.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace recipe::plan {

namespace {

bool target_for_host(const model::Target& target) {
  return target.is_custom_build() || target.is_proc_macro();
}

// The identity cargo interns units by: two requests that agree on it share one unit. Package and
// target by position (package index, target index in the package), which are cheap to compare.
using UnitIdentity = std::tuple<size_t, size_t, Mode, std::optional<std::string>, Profile, std::set<std::string>>;

class UnitGraphBuilder {
 public:
  explicit UnitGraphBuilder(const UnitGraphContext& ctx) : m_ctx(ctx) {}

  size_t root(const RootTarget& root, const std::optional<std::string>& platform) {
    if (!target_for_host(*root.target)) {
      return unit(*root.package, *root.target, UnitFor{}, platform, Mode::build);
    }
    // A proc-macro root is compiled like a compiler plugin: normal profile, host features, never
    // abort; its dependencies are walked as host code (cargo's new_compiler / new_host).
    UnitFor own{false, true, true};
    UnitFor walk{true, true, true};
    return unit(*root.package, *root.target, own, std::nullopt, Mode::build, std::nullopt, walk);
  }

  std::vector<Unit> finish() {
    connect_run_custom_build_deps();
    resolve_default_strip();
    return std::move(m_units);
  }

 private:
  // Host code (and, without --target, everything) compiles for the host: cargo's
  // CompileKind::for_target.
  static std::optional<std::string> dep_platform(const std::optional<std::string>& parent,
                                                 const model::Target& target) {
    return target_for_host(target) ? std::nullopt : parent;
  }

  const model::CfgSet& cfg_of(const std::optional<std::string>& platform) const {
    return platform ? *m_ctx.target_cfgs.at(*platform) : *m_ctx.host_cfg;
  }

  // The unit for (`pkg`, `target`), created with its dependencies on first request.
  // `walk_for`, when given, replaces `unit_for` for the dependency walk (proc-macro roots).
  size_t unit(const model::Package& pkg, const model::Target& target, UnitFor unit_for,
              std::optional<std::string> platform, Mode mode, std::optional<Profile> profile = std::nullopt,
              std::optional<UnitFor> walk_for = std::nullopt) {
    const auto& features = m_ctx.features->features(pkg, unit_for.host_features);
    if (!profile) {
      profile = m_ctx.profiles->for_unit(pkg, unit_for.host);
      if (unit_for.always_unwind) {
        profile->panic = "unwind";
      }
    }
    size_t package_index = m_ctx.workspace->index_of(pkg);
    auto target_index = static_cast<size_t>(&target - pkg.targets.data());
    // Most requests are for a unit that exists: look it up without copying its identity.
    if (auto it = m_index.find(std::tie(package_index, target_index, mode, platform, *profile, features));
        it != m_index.end()) {
      return it->second;
    }
    size_t index = m_units.size();
    m_index.emplace(UnitIdentity{package_index, target_index, mode, platform, *profile, features}, index);
    Unit& u = m_units.emplace_back();
    u.package = &pkg;
    u.target = &target;
    u.mode = mode;
    u.platform = std::move(platform);
    u.for_host = unit_for.host;
    u.features = features;
    u.profile = std::move(*profile);
    UnitFor walk = walk_for.value_or(unit_for);
    std::vector<UnitDep> deps =
        mode == Mode::run_custom_build ? deps_of_run(index, walk) : deps_of_compile(index, walk);
    m_units[index].deps = std::move(deps);
    return index;
  }

  // Running a build script needs the compiled script; links edges are added in finish().
  std::vector<UnitDep> deps_of_run(size_t index, UnitFor unit_for) {
    const Unit& run = m_units[index];
    const model::Package& pkg = *run.package;
    const model::Target& script = *run.target;
    size_t compiled = unit(pkg, script, unit_for.for_custom_build(), std::nullopt, Mode::build);
    return {{compiled, script.crate_name()}};
  }

  std::vector<UnitDep> deps_of_compile(size_t index, UnitFor unit_for) {
    const model::Package& pkg = *m_units[index].package;
    const model::Target& target = *m_units[index].target;
    const std::optional<std::string> platform = m_units[index].platform;
    std::vector<UnitDep> deps;
    const auto& edges = m_ctx.graph->edges(pkg);
    for (size_t i = 0; i < edges.size();) {
      // All declarations of one dependency package are consecutive: decide on the package.
      size_t end = i;
      bool used = false;
      while (end < edges.size() && edges[end].package == edges[i].package) {
        used = used || edge_is_used(edges[end], pkg, target, platform, unit_for);
        ++end;
      }
      const DepEdge& edge = edges[i];
      i = end;
      const model::Target* lib = edge.package->lib_target();
      if (!used || lib == nullptr || !lib->is_linkable()) {
        continue;
      }
      UnitFor dep_for = unit_for.with_dependency(target, *lib);
      size_t dep = unit(*edge.package, *lib, dep_for, dep_platform(platform, *lib), Mode::build);
      deps.push_back({dep, edge.extern_name});
    }
    if (target.is_custom_build()) {
      return deps;
    }
    if (const model::Target* script = pkg.build_script()) {
      Profile run_profile = m_ctx.profiles->for_run_custom_build(m_units[index].profile);
      size_t run = unit(pkg, *script, unit_for.for_custom_build(), platform, Mode::run_custom_build, run_profile);
      deps.push_back({run, script->crate_name()});
    }
    if (target.is_lib()) {
      return deps;
    }
    if (const model::Target* lib = pkg.linkable_target()) {
      UnitFor lib_for = unit_for.with_dependency(target, *lib);
      size_t own = unit(pkg, *lib, lib_for, dep_platform(platform, *lib), Mode::build);
      deps.push_back({own, lib->crate_name()});
    }
    return deps;
  }

  bool edge_is_used(const DepEdge& edge, const model::Package& pkg, const model::Target& target,
                    const std::optional<std::string>& platform, UnitFor unit_for) const {
    const model::DependencyDecl& decl = *edge.decl;
    if (target.is_custom_build() != (decl.kind == model::DepKind::build)) {
      return false;
    }
    if (decl.kind == model::DepKind::dev) {
      return false;  // only tests, examples and benches use dev-dependencies
    }
    if (decl.platform && !decl.platform->matches(cfg_of(platform))) {
      return false;
    }
    return !decl.optional || m_ctx.features->is_dep_activated(pkg, unit_for.host_features, decl.name_in_toml());
  }

  // Cargo's connect_run_custom_build_deps: running a build script waits for the build-script
  // runs of the direct dependencies that declare `links`, whose DEP_* variables it reads.
  void connect_run_custom_build_deps() {
    std::map<size_t, std::set<size_t>> dependents_of_run;
    for (size_t i = 0; i < m_units.size(); ++i) {
      for (const auto& dep : m_units[i].deps) {
        if (m_units[dep.unit].mode == Mode::run_custom_build) {
          dependents_of_run[dep.unit].insert(i);
        }
      }
    }
    for (const auto& [run, dependents] : dependents_of_run) {
      std::map<size_t, std::string> to_add;
      for (size_t dependent : dependents) {
        for (const auto& sibling : m_units[dependent].deps) {
          const Unit& other = m_units[sibling.unit];
          if (other.package == m_units[run].package || !other.target->is_linkable() || !other.package->links) {
            continue;
          }
          for (const auto& other_dep : other.deps) {
            if (m_units[other_dep.unit].mode == Mode::run_custom_build) {
              to_add.emplace(other_dep.unit, other_dep.extern_crate_name);
            }
          }
        }
      }
      for (const auto& [unit, name] : to_add) {
        m_units[run].deps.push_back({unit, name});
      }
    }
  }

  // Cargo (1.77+) strips debuginfo from a unit whose profile leaves `strip` unset when neither the
  // unit nor any direct dependency carries debuginfo. It looks at the unit's own debuginfo before
  // weakening host code's, and at its dependencies' after.
  void resolve_default_strip() {
    std::vector<std::string> resolved(m_units.size());
    for (size_t i = 0; i < m_units.size(); ++i) {
      const Unit& u = m_units[i];
      if (!u.profile.strip.empty()) {
        resolved[i] = u.profile.strip;
        continue;
      }
      bool any_debuginfo = u.profile.debuginfo != "0" || u.profile.debuginfo_weakened;
      for (const auto& dep : u.deps) {
        any_debuginfo = any_debuginfo || m_units[dep.unit].profile.debuginfo != "0";
      }
      resolved[i] = any_debuginfo ? "none" : "debuginfo";
    }
    for (size_t i = 0; i < m_units.size(); ++i) {
      m_units[i].profile.strip = resolved[i];
    }
  }

  const UnitGraphContext& m_ctx;
  std::vector<Unit> m_units;
  std::map<UnitIdentity, size_t, std::less<>> m_index;
};

}  // namespace

UnitFor UnitFor::with_dependency(const model::Target& parent, const model::Target& dep) const {
  bool dep_for_host = target_for_host(dep);
  return {host || dep_for_host, host_features || parent.is_custom_build() || dep.is_proc_macro(),
          dep_for_host || always_unwind};
}

std::vector<Unit> build_unit_graph(const UnitGraphContext& ctx, const std::vector<RootTarget>& roots,
                                   std::vector<size_t>& root_units) {
  UnitGraphBuilder builder(ctx);
  root_units.clear();
  // Cargo's requested kinds: each --target, or the host alone.
  std::vector<std::optional<std::string>> platforms(ctx.targets.begin(), ctx.targets.end());
  if (platforms.empty()) {
    platforms.emplace_back(std::nullopt);
  }
  for (const auto& platform : platforms) {
    for (const auto& root : roots) {
      root_units.push_back(builder.root(root, platform));
    }
  }
  return builder.finish();
}

}  // namespace recipe::plan
