#include "generator/plan/rustc_args.hpp"

#include <algorithm>
#include <cctype>

#include "generator/model/semver.hpp"
#include "generator/plan/layout.hpp"
#include "generator/plan/lto.hpp"
#include "generator/plan/unit_queries.hpp"
#include "generator/support/concat.hpp"

namespace recipe::plan {

namespace {

bool needs_upstream_objects(const model::Target& target) {
  // Everything but an rlib links its dependencies' object code (cargo's requires_upstream_objects).
  return !std::ranges::all_of(target.crate_types, [](const std::string& t) { return t == "lib" || t == "rlib"; });
}

// Cargo's build_base_args from `-C prefer-dynamic` to the overflow checks, in its order.
void add_codegen_args(std::vector<std::string>& args, const Unit& unit, bool primary, const ProfileRules& rules) {
  const Profile& p = unit.profile;
  auto flag = [&args](const std::string& value) {
    args.push_back("-C");
    args.push_back(value);
  };
  bool has_dylib = std::ranges::find(unit.target->crate_types, "dylib") != unit.target->crate_types.end();
  if (unit.target->is_proc_macro() || (has_dylib && !primary)) {
    flag("prefer-dynamic");
  }
  if (p.opt_level != "0") {
    flag("opt-level=" + p.opt_level);
  }
  if (p.panic != "unwind") {
    flag("panic=" + p.panic);
  }
  std::vector<std::string> lto = lto_flags(unit);
  args.insert(args.end(), lto.begin(), lto.end());
  bool debuginfo = p.debuginfo != "0" || p.debuginfo_zero_flag;
  // Before 1.69 cargo passed split-debuginfo before codegen-units and whether or not there was
  // debuginfo to split; Linux rustc accepts it from 1.65.
  bool split = !p.split_debuginfo.empty() && rules.split_debuginfo_on_linux;
  if (split && !rules.host_debuginfo_deferred) {
    flag("split-debuginfo=" + p.split_debuginfo);
  }
  if (p.codegen_units) {
    flag("codegen-units=" + std::to_string(*p.codegen_units));
  }
  if (debuginfo) {
    flag("debuginfo=" + p.debuginfo);
    if (split && rules.host_debuginfo_deferred && p.debuginfo != "0") {
      flag("split-debuginfo=" + p.split_debuginfo);
    }
  }
  // overflow-checks follows debug-assertions unless said otherwise; cargo only spells out
  // what differs from rustc's defaults for the opt-level.
  if (p.opt_level != "0") {
    if (p.debug_assertions) {
      flag("debug-assertions=on");
      if (!p.overflow_checks) {
        flag("overflow-checks=off");
      }
    } else if (p.overflow_checks) {
      flag("overflow-checks=on");
    }
  } else if (!p.debug_assertions) {
    flag("debug-assertions=off");
    if (p.overflow_checks) {
      flag("overflow-checks=on");
    }
  } else if (!p.overflow_checks) {
    flag("overflow-checks=off");
  }
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : sep) + item;
  }
  return out;
}

// CARGO_PKG_* and CARGO_MANIFEST_*: what the unit's package alone gives its environment.
std::map<std::string, std::string> package_env(const model::Package& pkg) {
  std::map<std::string, std::string> env;
  auto version = model::Version::parse(pkg.version).value_or(model::Version{});
  std::string dir = layout::source_dir(pkg);
  // In key order, each placed at the end without a search: every unit's variables start here.
  auto put = [&env](const char* key, std::string value) { env.emplace_hint(env.end(), key, std::move(value)); };
  put("CARGO_MANIFEST_DIR", dir);
  put("CARGO_MANIFEST_PATH", dir + "/Cargo.toml");
  put("CARGO_PKG_AUTHORS", join(pkg.info.authors, ":"));
  put("CARGO_PKG_DESCRIPTION", pkg.info.description);
  put("CARGO_PKG_HOMEPAGE", pkg.info.homepage);
  put("CARGO_PKG_LICENSE", pkg.info.license);
  put("CARGO_PKG_LICENSE_FILE", pkg.info.license_file);
  put("CARGO_PKG_NAME", pkg.name);
  put("CARGO_PKG_README", pkg.info.readme);
  put("CARGO_PKG_REPOSITORY", pkg.info.repository);
  put("CARGO_PKG_RUST_VERSION", pkg.info.rust_version);
  put("CARGO_PKG_VERSION", pkg.version);
  put("CARGO_PKG_VERSION_MAJOR", std::to_string(version.major));
  put("CARGO_PKG_VERSION_MINOR", std::to_string(version.minor));
  put("CARGO_PKG_VERSION_PATCH", std::to_string(version.patch));
  put("CARGO_PKG_VERSION_PRE", version.pre);
  return env;
}

}  // namespace

std::string envify(const std::string& name) {
  std::string out = name;
  for (char& c : out) {
    c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::vector<std::string> compile_args(const Unit& unit, const std::vector<Unit>& units,
                                      const model::Toolchain& toolchain, bool primary) {
  const model::Target& target = *unit.target;
  std::vector<std::string> args = {"--crate-name", target.crate_name(), "--edition=" + target.edition,
                                   layout::source_dir(*unit.package) + "/" + target.src_path};
  for (const auto& crate_type : target.crate_types) {
    args.push_back("--crate-type");
    args.push_back(crate_type);
  }
  args.push_back(needs_upstream_objects(target) ? "--emit=dep-info,link" : "--emit=dep-info,metadata,link");
  add_codegen_args(args, unit, primary, ProfileRules::for_toolchain(toolchain));
  for (const auto& feature : unit.features) {
    args.push_back("--cfg");
    args.push_back("feature=\"" + feature + "\"");
  }
  // rustc accepts --check-cfg on stable from 1.80 (older toolchains reject the flag); cargo
  // declares `test` as well from 1.85.
  if (toolchain.at_least(1, 80)) {
    std::string values;
    for (const auto& [name, list] : unit.package->features) {
      values += (values.empty() ? "\"" : ", \"") + name + "\"";
    }
    args.insert(args.end(), {"--check-cfg", toolchain.at_least(1, 85) ? "cfg(docsrs,test)" : "cfg(docsrs)",
                             "--check-cfg", "cfg(feature, values(" + values + "))"});
  }
  std::string id(layout::short_id(unit));
  args.insert(args.end(), {"-C", "metadata=" + id, "-C", "extra-filename=-" + id});
  if (unit.profile.rpath) {
    args.insert(args.end(), {"-C", "rpath"});
  }
  args.insert(args.end(), {"--out-dir", layout::unit_dir(unit)});
  if (unit.platform) {
    args.insert(args.end(), {"--target", *unit.platform});
    // Cargo's `[target.TRIPLE] linker`: every unit of that target gets it, rlibs included.
    if (const model::TargetSettings* settings = toolchain.target_settings(*unit.platform);
        settings != nullptr && !settings->linker.empty()) {
      args.insert(args.end(), {"-C", "linker=" + settings->linker});
    }
  }
  // No `-C incremental=`: a recipe stage starts from nothing, so there is no state to reuse.
  if (unit.profile.strip != "none") {
    args.insert(args.end(), {"-C", "strip=" + unit.profile.strip});
  }
  // Sorted by id, hence by directory, which is made of the id's first digits; two ids that
  // share those (not seen yet) give one directory.
  std::string_view last_id;
  for (size_t lib : transitive_libs(unit, units)) {
    std::string_view lib_id = layout::short_id(units[lib]);
    if (lib_id != last_id) {
      args.push_back("-L");
      args.push_back(concat({"dependency=", layout::unit_dir(units[lib])}));
      last_id = lib_id;
    }
  }
  for (const auto& dep : unit.deps) {
    const Unit& d = units[dep.unit];
    if (d.mode == Mode::build) {
      args.push_back("--extern");
      args.push_back(concat({dep.extern_crate_name, "=", layout::artifact_path(d)}));
    }
  }
  if (target.is_proc_macro()) {
    args.insert(args.end(), {"--extern", "proc_macro"});
  }
  // Warnings of code the user does not own are noise (cargo's --cap-lints for non-path packages).
  if (unit.package->source.kind != model::Source::Kind::path) {
    args.insert(args.end(), {"--cap-lints", "allow"});
  }
  return args;
}

std::map<std::string, std::string> compile_env(const Unit& unit, const std::vector<Unit>& units, bool primary) {
  std::map<std::string, std::string> env = package_env(*unit.package);
  env["CARGO_CRATE_NAME"] = unit.target->crate_name();
  if (unit.target->is_bin()) {
    env["CARGO_BIN_NAME"] = unit.target->name;
  }
  if (primary) {
    env["CARGO_PRIMARY_PACKAGE"] = "1";
  }
  if (const Unit* run = own_build_script_run(unit, units); run != nullptr && !unit.target->is_custom_build()) {
    env["OUT_DIR"] = layout::out_dir(*run);
  }
  return env;
}

std::map<std::string, std::string> cfg_env(const model::CfgSet& cfg) {
  std::map<std::string, std::string> env;
  // Cargo queries cfg without profile flags, so debug_assertions would always be set: it skips it.
  for (const auto& name : cfg.names) {
    if (name != "debug_assertions") {
      env["CARGO_CFG_" + envify(name)] = "";
    }
  }
  std::map<std::string, std::vector<std::string>> values;
  for (const auto& [key, value] : cfg.values) {
    values[key].push_back(value);
  }
  for (const auto& [key, list] : values) {
    env["CARGO_CFG_" + envify(key)] = join(list, ",");
  }
  return env;
}

std::map<std::string, std::string> run_env(const Unit& unit, const model::Toolchain& toolchain,
                                           const std::map<std::string, std::string>& platform_cfg_env) {
  std::map<std::string, std::string> env = package_env(*unit.package);
  const std::string triple = unit.platform.value_or(toolchain.host);
  env["OUT_DIR"] = layout::out_dir(unit);
  env["TARGET"] = triple;
  env["HOST"] = toolchain.host;
  env["NUM_JOBS"] = "1";  // fixed: the recipe must not depend on the machine that builds it
  env["OPT_LEVEL"] = unit.profile.opt_level;
  env["DEBUG"] = unit.profile.debuginfo == "0" ? "false" : "true";
  env["PROFILE"] = unit.profile.root == "release" ? "release" : "debug";
  env["RUSTC"] = "rustc";
  env["RUSTDOC"] = "rustdoc";
  env["CARGO_ENCODED_RUSTFLAGS"] = "";
  if (unit.package->links) {
    env["CARGO_MANIFEST_LINKS"] = *unit.package->links;
  }
  for (const auto& feature : unit.features) {
    env["CARGO_FEATURE_" + envify(feature)] = "1";
  }
  if (toolchain.at_least(1, 85)) {
    env["CARGO_CFG_FEATURE"] = join({unit.features.begin(), unit.features.end()}, ",");
  }
  if (toolchain.at_least(1, 93) && unit.profile.debug_assertions) {
    env["CARGO_CFG_DEBUG_ASSERTIONS"] = "";
  }
  for (const auto& [key, value] : platform_cfg_env) {
    env.insert_or_assign(key, value);
  }
  // A cross target's tools, as a user sets them for cargo: RUSTC_LINKER is cargo's own (from
  // `[target.TRIPLE] linker`), CC_<triple> the cc crate's, then whatever the toolchain file adds.
  if (const model::TargetSettings* settings = unit.platform ? toolchain.target_settings(*unit.platform) : nullptr) {
    std::string suffix = triple;
    std::ranges::replace(suffix, '-', '_');
    if (!settings->linker.empty()) {
      env["RUSTC_LINKER"] = settings->linker;
    }
    if (!settings->cc.empty()) {
      env["CC_" + suffix] = settings->cc;
    }
    for (const auto& [key, value] : settings->env) {
      env.insert_or_assign(key, value);
    }
  }
  return env;
}

}  // namespace recipe::plan
