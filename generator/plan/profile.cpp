#include "generator/plan/profile.hpp"

#include "generator/support/error.hpp"

namespace recipe::plan {

namespace {

Profile built_in(const std::string& root) {
  Profile p;
  p.name = root;
  p.root = root;
  p.panic = "unwind";
  p.lto = "false";
  p.strip = "";  // decided after merging: see finish()
  if (root == "release") {
    p.opt_level = "3";
    p.debuginfo = "0";
  } else {
    p.opt_level = "0";
    p.debuginfo = "2";
    p.debug_assertions = true;
    p.overflow_checks = true;
    p.incremental = true;
  }
  return p;
}

// Cargo's default build-override: host code is built fast, not optimised. (The documented
// codegen-units = 256 is rustc's own default there: cargo passes no flag.)
model::ProfileToml default_build_override() {
  model::ProfileToml toml;
  toml.opt_level = "0";
  return toml;
}

// Apply every field `top` sets to `base`: later tables of an `inherits` chain win.
template <typename Into>
void merge(Into& base, const model::ProfileToml& top);

template <>
void merge(model::ProfileToml& base, const model::ProfileToml& top) {
  auto take = [](auto& into, const auto& from) {
    if (from) {
      into = from;
    }
  };
  take(base.opt_level, top.opt_level);
  take(base.debug, top.debug);
  take(base.debug_assertions, top.debug_assertions);
  take(base.overflow_checks, top.overflow_checks);
  take(base.codegen_units, top.codegen_units);
  take(base.panic, top.panic);
  take(base.lto, top.lto);
  take(base.strip, top.strip);
  take(base.incremental, top.incremental);
  take(base.rpath, top.rpath);
}

template <>
void merge(Profile& p, const model::ProfileToml& toml) {
  p.opt_level = toml.opt_level.value_or(p.opt_level);
  p.debuginfo = toml.debug.value_or(p.debuginfo);
  p.debug_assertions = toml.debug_assertions.value_or(p.debug_assertions);
  p.overflow_checks = toml.overflow_checks.value_or(p.overflow_checks);
  if (toml.codegen_units) {
    p.codegen_units = toml.codegen_units;
  }
  p.panic = toml.panic.value_or(p.panic);
  p.lto = toml.lto.value_or(p.lto);
  p.strip = toml.strip.value_or(p.strip);
  p.incremental = toml.incremental.value_or(p.incremental);
  p.rpath = toml.rpath.value_or(p.rpath);
}

}  // namespace

Profiles::Profiles(const model::RootManifest& manifest, std::string name) : m_name(std::move(name)) {
  std::vector<const model::ProfileToml*> chain;  // root first, `m_name` last
  std::string current = m_name;
  for (int depth = 0; depth < 16; ++depth) {
    auto it = manifest.profiles.find(current);
    const model::ProfileToml* toml = it == manifest.profiles.end() ? nullptr : &it->second;
    if (toml != nullptr) {
      chain.insert(chain.begin(), toml);
    }
    if (current == "dev" || current == "release") {
      m_root = current;
      m_build_override = default_build_override();
      for (const model::ProfileToml* table : chain) {
        merge(m_merged, *table);
        if (table->build_override) {
          merge(m_build_override, *table->build_override);
        }
        for (const auto& [spec, override] : table->packages) {
          merge(m_packages[spec], override);
        }
      }
      return;
    }
    if (toml == nullptr || !toml->inherits) {
      throw InputError("profile \"" + current + "\" is not defined (declare [profile." + current +
                       "] with inherits = \"release\" or \"dev\" in the workspace Cargo.toml)");
    }
    current = *toml->inherits;
  }
  throw InputError("profile \"" + m_name + "\" inherits in a cycle");
}

Profile Profiles::for_unit(const model::Package& pkg, bool for_host) const {
  Profile p = built_in(m_root);
  p.name = m_name;
  merge(p, m_merged);
  if (for_host) {
    merge(p, m_build_override);
  }
  if (!pkg.is_member) {
    if (auto all = m_packages.find("*"); all != m_packages.end()) {
      merge(p, all->second);
    }
  }
  if (auto own = m_packages.find(pkg.name); own != m_packages.end()) {
    merge(p, own->second);
  }
  // Host code without explicit debuginfo gets none (cargo weakens the deferred setting).
  bool debug_explicit = m_build_override.debug || (m_packages.contains(pkg.name) && m_packages.at(pkg.name).debug) ||
                        (!pkg.is_member && m_packages.contains("*") && m_packages.at("*").debug);
  if (for_host && !debug_explicit) {
    p.debuginfo = "0";
  }
  return p;  // an unset strip stays "" until the unit graph decides it (see resolve_default_strip)
}

Profile Profiles::for_run_custom_build(const Profile& parent) const {
  Profile p;  // cargo's Profile::default(), then what the parent decides
  p.name = parent.name;
  p.root = parent.root;
  p.panic = "unwind";
  p.lto = "false";
  p.opt_level = parent.opt_level;
  p.debuginfo = parent.debuginfo;
  p.debug_assertions = parent.debug_assertions;
  p.strip = "";  // deferred, like every unit's: decided from the graph
  return p;
}

}  // namespace recipe::plan
