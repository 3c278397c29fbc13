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
  p.strip = "";  // unset: cargo's default, decided in for_unit or from the unit graph
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

// Apply every field `top` sets to `base`: later tables of an `inherits` chain win.
void merge_toml(model::ProfileToml& base, const model::ProfileToml& top) {
  auto take = [](auto& into, const auto& from) {
    if (from) {
      into = from;
    }
  };
  take(base.opt_level, top.opt_level);
  take(base.debug, top.debug);
  take(base.debug_written, top.debug_written);
  take(base.split_debuginfo, top.split_debuginfo);
  take(base.debug_assertions, top.debug_assertions);
  take(base.overflow_checks, top.overflow_checks);
  take(base.codegen_units, top.codegen_units);
  take(base.panic, top.panic);
  take(base.lto, top.lto);
  take(base.strip, top.strip);
  take(base.incremental, top.incremental);
  take(base.rpath, top.rpath);
}

// Cargo's merge_profile: a table over a resolved profile. A table that leaves `strip` out resets
// it to cargo's default (deferred), so an override table without `strip` drops the profile's.
void merge_into(Profile& p, const model::ProfileToml& toml, const ProfileRules& rules) {
  p.opt_level = toml.opt_level.value_or(p.opt_level);
  if (toml.debug) {
    p.debuginfo = *toml.debug;
    // Cargo before 1.71 read `debug = false` as "no setting", and before 1.73 passed any other
    // explicit level, 0 included.
    bool spelled_false = toml.debug_written == "false" && !rules.named_debuginfo;
    p.debuginfo_zero_flag = rules.explicit_zero_debuginfo && !spelled_false && *toml.debug == "0";
  }
  p.split_debuginfo = toml.split_debuginfo.value_or(p.split_debuginfo);
  p.debug_assertions = toml.debug_assertions.value_or(p.debug_assertions);
  p.overflow_checks = toml.overflow_checks.value_or(p.overflow_checks);
  if (toml.codegen_units) {
    p.codegen_units = toml.codegen_units;
  }
  p.panic = toml.panic.value_or(p.panic);
  p.lto = toml.lto.value_or(p.lto);
  p.strip = toml.strip.value_or("");
  p.incremental = toml.incremental.value_or(p.incremental);
  p.rpath = toml.rpath.value_or(p.rpath);
}

// Debug levels by name came with cargo 1.71; older cargo rejects the manifest.
void check_debug_spelling(const model::ProfileToml& toml, const std::string& where, const ProfileRules& rules) {
  const std::string written = toml.debug_written.value_or("true");
  if (!rules.named_debuginfo && written != "true" && written != "false" && written != "0" && written != "1" &&
      written != "2") {
    throw InputError(where + ".debug: \"" + written +
                     "\" needs cargo 1.71 or newer, the toolchain's is older (use 0, 1, 2, true or false)");
  }
}

}  // namespace

ProfileRules ProfileRules::for_toolchain(const model::Toolchain& toolchain) {
  auto at_least = [&toolchain](unsigned minor) { return toolchain.at_least(1, minor); };
  ProfileRules rules;
  rules.split_debuginfo_on_linux = at_least(65);
  rules.host_debuginfo_deferred = at_least(69);
  rules.named_debuginfo = at_least(71);
  rules.explicit_zero_debuginfo = !at_least(73);
  rules.default_strip = at_least(77);
  return rules;
}

Profiles::Profiles(const model::RootManifest& manifest, std::string name, ProfileRules rules)
    : m_name(std::move(name)), m_rules(rules) {
  std::vector<const model::ProfileToml*> chain;  // root first, `m_name` last
  std::string current = m_name;
  for (int depth = 0; depth < 16; ++depth) {
    auto it = manifest.profiles.find(current);
    const model::ProfileToml* toml = it == manifest.profiles.end() ? nullptr : &it->second;
    if (toml != nullptr) {
      chain.insert(chain.begin(), toml);
      std::string where = "Cargo.toml: profile." + current;
      check_debug_spelling(*toml, where, m_rules);
      if (toml->build_override) {
        check_debug_spelling(*toml->build_override, where + ".build-override", m_rules);
      }
      for (const auto& [spec, override] : toml->packages) {
        check_debug_spelling(override, where + ".package." + spec, m_rules);
      }
    }
    if (current == "dev" || current == "release") {
      m_root = current;
      for (const model::ProfileToml* table : chain) {
        merge_toml(m_merged, *table);
        if (table->build_override) {
          merge_toml(m_build_override ? *m_build_override : m_build_override.emplace(), *table->build_override);
        }
        for (const auto& [spec, override] : table->packages) {
          merge_toml(m_packages[spec], override);
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
  merge_into(p, m_merged, m_rules);
  bool debug_explicit = false;
  if (for_host) {
    // Host code is built fast: cargo's hard-coded build-override defaults, then the tables.
    p.opt_level = "0";
    p.codegen_units.reset();
    if (m_build_override) {
      merge_into(p, *m_build_override, m_rules);
      debug_explicit = m_build_override->debug.has_value();
    }
  }
  auto apply = [&](const model::ProfileToml& table) {
    merge_into(p, table, m_rules);
    debug_explicit = debug_explicit || table.debug.has_value();
  };
  if (!pkg.is_member) {
    if (auto all = m_packages.find("*"); all != m_packages.end()) {
      apply(all->second);
    }
  }
  if (auto own = m_packages.find(pkg.name); own != m_packages.end()) {
    apply(own->second);
  }
  // Cargo 1.69+ defers host debuginfo and weakens it to none unless a table asked for it.
  if (for_host && !debug_explicit && m_rules.host_debuginfo_deferred) {
    p.debuginfo_weakened = p.debuginfo != "0";
    p.debuginfo = "0";
    p.debuginfo_zero_flag = false;
  }
  if (!m_rules.default_strip && p.strip.empty()) {
    p.strip = "none";
  }
  return p;  // with default strip, an unset strip stays "" until the unit graph decides it
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
  p.debuginfo_zero_flag = parent.debuginfo_zero_flag;
  p.debuginfo_weakened = parent.debuginfo_weakened;  // cargo copies the level before weakening it
  p.strip = m_rules.default_strip ? "" : "none";     // deferred, like every unit's: decided from the graph
  return p;
}

}  // namespace recipe::plan
