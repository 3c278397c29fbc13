#include "generator/plan/plan.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>

#include "generator/plan/dep_graph.hpp"
#include "generator/plan/features.hpp"
#include "generator/plan/lto.hpp"
#include "generator/plan/rustc_args.hpp"
#include "generator/plan/selection.hpp"
#include "generator/plan/unit_graph.hpp"
#include "generator/support/error.hpp"
#include "generator/support/hash.hpp"

namespace recipe::plan {

namespace {

// Bumped whenever the planner changes what a unit's output depends on.
constexpr const char* k_plan_format = "cargo-recipe/plan/1";

std::string_view target_kind(const model::Target& target) {
  return target.kinds.empty() ? std::string_view() : std::string_view(target.kinds.front());
}

// Sort units into their published order and rewrite every index to match.
void sort_units(std::vector<Unit>& units, std::vector<size_t>& roots) {
  // Ids are not known yet: order by everything that tells units apart instead.
  auto order_key = [](const Unit& u) {
    return std::tie(u.package->key, u.target->name, u.target->kinds, u.mode, u.platform, u.for_host, u.features,
                    u.profile);
  };
  std::vector<size_t> order(units.size());
  std::iota(order.begin(), order.end(), 0);
  std::ranges::sort(order, [&](size_t a, size_t b) { return order_key(units[a]) < order_key(units[b]); });
  std::vector<size_t> new_index(units.size());
  for (size_t i = 0; i < order.size(); ++i) {
    new_index[order[i]] = i;
  }
  std::vector<Unit> sorted;
  sorted.reserve(units.size());
  for (size_t old : order) {
    sorted.push_back(std::move(units[old]));
  }
  for (auto& unit : sorted) {
    for (auto& dep : unit.deps) {
      dep.unit = new_index[dep.unit];
    }
    std::ranges::sort(unit.deps, [](const UnitDep& a, const UnitDep& b) {
      return std::tie(a.extern_crate_name, a.unit) < std::tie(b.extern_crate_name, b.unit);
    });
  }
  for (auto& root : roots) {
    root = new_index[root];
  }
  std::ranges::sort(roots);
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  units = std::move(sorted);
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

class UnitFinisher {
 public:
  UnitFinisher(std::vector<Unit>& units, const PlanInputs& inputs, const std::set<std::string>& primary)
      : m_units(units), m_inputs(inputs), m_primary(primary) {
    for (const auto& unit : m_units) {
      const std::string& triple = unit.platform.value_or(inputs.toolchain.host);
      if (unit.mode == Mode::run_custom_build && !m_cfg_env.contains(triple)) {
        m_cfg_env.emplace(triple, cfg_env(inputs.toolchain.cfg(triple)));
      }
    }
  }

  // Every unit, dependencies first, so that a unit's args can name its dependencies' ids. The walk
  // keeps its own stack: the unit graph is as deep as the input's longest dependency chain.
  // Throws Error if the graph has a cycle (build_unit_graph makes none).
  void finish_all() {
    enum class State { unvisited, visiting, finished };
    std::vector<State> states(m_units.size(), State::unvisited);
    std::vector<std::pair<size_t, size_t>> stack;  // a unit and the next of its dependencies to visit
    for (size_t start = 0; start < m_units.size(); ++start) {
      if (states[start] != State::unvisited) {
        continue;
      }
      states[start] = State::visiting;
      stack.emplace_back(start, 0);
      while (!stack.empty()) {
        auto [index, next] = stack.back();
        if (next < m_units[index].deps.size()) {
          ++stack.back().second;
          size_t dep = m_units[index].deps[next].unit;
          if (states[dep] == State::visiting) {
            throw Error("internal: the unit graph has a cycle through " + m_units[dep].package->key);
          }
          if (states[dep] == State::unvisited) {
            states[dep] = State::visiting;
            stack.emplace_back(dep, 0);
          }
          continue;
        }
        finish(index);
        states[index] = State::finished;
        stack.pop_back();
      }
    }
  }

 private:
  void finish(size_t index) {
    Unit& unit = m_units[index];
    unit.id = k_id_placeholder;
    bool primary = m_primary.contains(unit.package->id);
    if (unit.mode == Mode::build) {
      unit.rustc_args = compile_args(unit, m_units, m_inputs.toolchain, primary);
      unit.env = compile_env(unit, m_units, primary);
    } else {
      unit.env = run_env(unit, m_inputs.toolchain, m_cfg_env.at(unit.platform.value_or(m_inputs.toolchain.host)));
    }
    unit.id = unit_id(unit);
    std::string_view short_id = std::string_view(unit.id).substr(0, 16);
    for (auto& arg : unit.rustc_args) {
      replace_all(arg, k_id_placeholder, short_id);
    }
    for (auto& [key, value] : unit.env) {
      replace_all(value, k_id_placeholder, short_id);
    }
  }

  // Everything that determines the unit's output, each field labelled (see Hasher).
  std::string unit_id(const Unit& unit) const {
    const model::Package& pkg = *unit.package;
    constexpr size_t k_record_bytes = 16 << 10;
    Hasher h(k_record_bytes);
    h.field("format", k_plan_format)
        .field("rustc", m_inputs.toolchain.release)
        .field("host", m_inputs.toolchain.host)
        .field("package", pkg.key)
        .field("source-kind", static_cast<int64_t>(pkg.source.kind))
        .field("source-url", pkg.source.url)
        .field("source-rev", pkg.source.rev)
        .field("source-path", pkg.source.relative_path);
    auto checksum = m_inputs.checksums.find(pkg.id);
    h.field("checksum", checksum == m_inputs.checksums.end() ? "" : checksum->second);
    h.field("target", unit.target->name).field("kind", target_kind(*unit.target)).field("mode", to_string(unit.mode));
    h.field("platform", unit.platform ? std::string_view(*unit.platform) : std::string_view());
    for (const auto& arg : unit.rustc_args) {
      h.field("arg", arg);
    }
    for (const auto& [key, value] : unit.env) {
      h.field("env", key).field("=", value);
    }
    for (const auto& dep : unit.deps) {
      h.field("dep", dep.extern_crate_name).field("id", m_units[dep.unit].id);
    }
    return h.hex_digest();
  }

  std::vector<Unit>& m_units;
  const PlanInputs& m_inputs;
  const std::set<std::string>& m_primary;
  // CARGO_CFG_* of each platform a build script runs for, by triple: made once per platform.
  std::map<std::string, std::map<std::string, std::string>> m_cfg_env;
};

}  // namespace

const char* to_string(Mode mode) {
  return mode == Mode::build ? "build" : "run-custom-build";
}

Plan make_plan(const PlanInputs& inputs, const PlanOptions& opts) {
  const model::Workspace& ws = *inputs.workspace;
  Plan plan;
  plan.resolver = resolver_version(inputs, opts);
  plan.profile = opts.profile;
  plan.rustc_release = inputs.toolchain.release;
  plan.host = inputs.toolchain.host;
  plan.targets = opts.targets;

  // Selection: the packages and features asked for on the command line.
  std::vector<RequestedPackage> selected = select_packages(ws, opts);
  DepGraph graph(ws);
  const model::CfgSet& host_cfg = inputs.toolchain.cfg(inputs.toolchain.host);
  std::map<std::string, const model::CfgSet*> target_cfgs;
  FeaturePlatforms platforms{{}, &host_cfg};
  for (const auto& triple : opts.targets) {
    target_cfgs.emplace(triple, &inputs.toolchain.cfg(triple));
    platforms.targets.push_back(target_cfgs.at(triple));
  }
  if (platforms.targets.empty()) {
    platforms.targets.push_back(&host_cfg);
  }

  // Features, per package and per host/target side (the target side for every --target at once).
  plan.features = std::make_shared<const ResolvedFeatures>(
      resolve_features(ws, graph, selected, FeatureOptions::for_resolver(plan.resolver, false), platforms));
  const ResolvedFeatures& features = *plan.features;

  // Units: roots, then everything they need.
  std::vector<RootTarget> roots = select_root_targets(ws, selected, features, opts);
  Profiles profiles(inputs.manifest, opts.profile, ProfileRules::for_toolchain(inputs.toolchain));
  UnitGraphContext ctx{&ws, &graph, &features, &profiles, &host_cfg, std::move(target_cfgs), opts.targets};
  plan.units = build_unit_graph(ctx, roots, plan.roots);
  sort_units(plan.units, plan.roots);
  // What each unit contributes to link-time optimisation, from the roots down.
  decide_lto(plan.units, plan.roots);

  // Ids, rustc lines and environments, dependencies first.
  std::set<std::string> primary;
  for (const auto& request : selected) {
    primary.insert(request.package_id);
  }
  UnitFinisher(plan.units, inputs, primary).finish_all();
  for (const auto& [id, checksum] : inputs.checksums) {
    plan.checksums[ws.package(id).key] = checksum;
  }
  return plan;
}

}  // namespace recipe::plan
