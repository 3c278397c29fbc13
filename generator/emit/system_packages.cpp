#include "generator/emit/system_packages.hpp"

#include <algorithm>
#include <map>

#include "generator/plan/unit_queries.hpp"

namespace recipe::emit {

namespace {

bool links_something(const plan::Unit& unit) {
  if (unit.mode != plan::Mode::build) {
    return false;
  }
  const model::Target& target = *unit.target;
  if (target.is_bin() || target.is_custom_build() || target.is_proc_macro()) {
    return true;
  }
  return std::ranges::any_of(target.crate_types,
                             [](const std::string& type) { return type == "cdylib" || type == "dylib"; });
}

// `packages` as the target architecture `arch` needs them: a library's -dev package for `arch`,
// anything else (pkg-config, cmake: tools that run on the build machine) as it is. A name that
// already says its architecture is left alone.
std::vector<hints::SystemPackage> for_architecture(std::vector<hints::SystemPackage> packages,
                                                   const std::string& arch) {
  if (arch.empty()) {
    return packages;
  }
  for (auto& package : packages) {
    if (package.name.ends_with("-dev") && package.name.find(':') == std::string::npos) {
      package.name += ":" + arch;
    }
  }
  return packages;
}

}  // namespace

std::vector<std::vector<hints::SystemPackage>> unit_system_packages(
    const plan::Plan& plan, const hints::HintSet& hints, hints::Distro distro,
    const std::map<std::string, std::string>& deb_arch_by_triple) {
  // Each package's own packages, looked up once.
  std::map<const model::Package*, std::vector<hints::SystemPackage>> own;
  auto own_of = [&](const model::Package* pkg) -> const std::vector<hints::SystemPackage>& {
    auto it = own.find(pkg);
    if (it == own.end()) {
      auto decision = hints.for_crate(pkg->name, pkg->version, distro);
      it = own.emplace(pkg, decision ? decision->packages : std::vector<hints::SystemPackage>{}).first;
    }
    return it->second;
  };
  const std::vector<hints::SystemPackage> everywhere = hints.everywhere(distro);
  // The packages of `unit`'s crate, for the architecture `unit` is built or run for.
  auto own_for = [&](const plan::Unit& unit) {
    auto arch = unit.platform ? deb_arch_by_triple.find(*unit.platform) : deb_arch_by_triple.end();
    return for_architecture(own_of(unit.package), arch == deb_arch_by_triple.end() ? "" : arch->second);
  };

  std::vector<std::vector<hints::SystemPackage>> out(plan.units.size());
  for (size_t i = 0; i < plan.units.size(); ++i) {
    const plan::Unit& unit = plan.units[i];
    std::vector<hints::SystemPackage> needed;
    auto add = [&needed](const std::vector<hints::SystemPackage>& packages) {
      needed.insert(needed.end(), packages.begin(), packages.end());
    };
    if (unit.mode == plan::Mode::run_custom_build) {
      add(own_for(unit));
      for (const auto& [run, links] : plan::links_runs(unit, plan.units)) {
        add(own_for(plan.units[run]));
      }
      // The script runs with what it links: a build-dependency that loads a system library as it
      // runs (clang-sys loading libclang for bindgen, in Debian's zstd-sys) needs it here.
      for (const plan::UnitDep& dep : unit.deps) {
        const plan::Unit& script = plan.units[dep.unit];
        if (script.mode == plan::Mode::build && script.target->is_custom_build()) {
          for (size_t lib : plan::transitive_libs(script, plan.units)) {
            add(own_of(plan.units[lib].package));
          }
        }
      }
    } else if (links_something(unit)) {
      // A build script's binary links only its build-dependencies; anything else links its own
      // package's native libraries too (a bin through its package's lib, which it links anyway).
      if (!unit.target->is_custom_build()) {
        add(own_for(unit));
      }
      for (size_t lib : plan::transitive_libs(unit, plan.units)) {
        add(own_for(plan.units[lib]));
      }
    } else {
      continue;
    }
    if (needed.empty() && everywhere.empty()) {
      continue;
    }
    add(everywhere);
    out[i] = hints::merge_packages(std::move(needed), "the packages of " + unit.package->key + " " + unit.target->name);
  }
  return out;
}

}  // namespace recipe::emit
