#include "generator/emit/unit_command.hpp"

#include <algorithm>

#include "generator/emit/escape.hpp"
#include "generator/emit/stage_names.hpp"
#include "generator/plan/layout.hpp"
#include "generator/plan/unit_queries.hpp"

namespace recipe::emit {

namespace {

Mount source_mount(const model::Package& pkg) {
  std::string dir = plan::layout::source_dir(pkg);
  return {source_stage(pkg), dir, dir, true};
}

Mount unit_mount(const plan::Unit& unit) {
  std::string dir = plan::layout::unit_dir(unit);
  return {output_stage(unit), dir, dir, false};
}

void add_unit_mount(std::vector<Mount>& mounts, const plan::Unit& unit) {
  Mount mount = unit_mount(unit);
  if (std::ranges::none_of(mounts, [&mount](const Mount& m) { return m.target == mount.target; })) {
    mounts.push_back(std::move(mount));
  }
}

std::vector<std::string> env_words(const plan::Unit& unit, const RecipeInputs& inputs) {
  std::vector<std::string> words = {"/usr/bin/env", "-i"};
  for (auto& kv : base_environment(inputs.source_date_epoch)) {
    words.push_back(std::move(kv));
  }
  for (const auto& [key, value] : unit.env) {
    words.push_back(key + "=" + value);
  }
  return words;
}

UnitCommand compile_command(const std::vector<plan::Unit>& units, const plan::Unit& unit, const RecipeInputs& inputs) {
  UnitCommand command;
  command.mounts.push_back(source_mount(*unit.package));
  for (size_t lib : plan::transitive_libs(unit, units)) {
    add_unit_mount(command.mounts, units[lib]);
  }
  std::vector<std::string> helper = {k_helper_path, "compile", plan::layout::unit_dir(unit)};
  const plan::Unit* own = plan::own_build_script_run(unit, units);
  if (own != nullptr) {
    helper.insert(helper.end(), {"--build-script", plan::layout::unit_dir(*own)});
  }
  for (size_t run : plan::link_search_runs(unit, units)) {
    add_unit_mount(command.mounts, units[run]);
    helper.insert(helper.end(), {"--link-search", plan::layout::unit_dir(units[run])});
  }
  const model::Target& target = *unit.target;
  // `rustc-link-lib` reaches the library, and the bins only of a package without one.
  if (own != nullptr && (target.is_lib() || unit.package->lib_target() == nullptr)) {
    helper.push_back("--link-lib");
  }
  if (target.is_bin()) {
    helper.insert(helper.end(), {"--bin", target.name});
  }
  if (std::ranges::find(target.crate_types, "cdylib") != target.crate_types.end()) {
    helper.push_back("--cdylib");
  }
  // The plan only checks cfgs where rustc accepts --check-cfg (1.80 on); a build script's
  // rustc-check-cfg follows the same rule.
  if (std::ranges::find(unit.rustc_args, "--check-cfg") != unit.rustc_args.end()) {
    helper.push_back("--check-cfg");
  }
  helper.insert(helper.end(), {"--", "rustc"});
  command.words = env_words(unit, inputs);
  command.words.insert(command.words.end(), helper.begin(), helper.end());
  command.words.insert(command.words.end(), unit.rustc_args.begin(), unit.rustc_args.end());
  return command;
}

UnitCommand run_command(const std::vector<plan::Unit>& units, const plan::Unit& run, const RecipeInputs& inputs) {
  UnitCommand command;
  command.mounts.push_back(source_mount(*run.package));
  const plan::Unit* script = nullptr;
  for (const auto& dep : run.deps) {
    if (units[dep.unit].package == run.package && units[dep.unit].mode == plan::Mode::build) {
      script = &units[dep.unit];
    }
  }
  std::vector<std::string> helper = {k_helper_path,
                                     "run-build-script",
                                     plan::layout::unit_dir(run),
                                     plan::layout::artifact_path(*script),
                                     plan::layout::source_dir(*run.package),
                                     run.package->key};
  add_unit_mount(command.mounts, *script);
  for (const auto& [index, links] : plan::links_runs(run, units)) {
    add_unit_mount(command.mounts, units[index]);
    helper.insert(helper.end(), {"--links-dep", links + "=" + plan::layout::unit_dir(units[index])});
  }
  command.words = env_words(run, inputs);
  command.words.insert(command.words.end(), helper.begin(), helper.end());
  return command;
}

}  // namespace

std::string Mount::render() const {
  return "--mount=type=bind," + mount_field("from", from) + "," + mount_field("source", source) + "," +
         mount_field("target", target) + (writable ? ",rw" : "");
}

std::vector<std::string> base_environment(const std::string& source_date_epoch) {
  return {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C", "TZ=UTC",
          "SOURCE_DATE_EPOCH=" + source_date_epoch};
}

UnitCommand unit_command(const std::vector<plan::Unit>& units, size_t index, const RecipeInputs& inputs) {
  const plan::Unit& unit = units[index];
  UnitCommand command =
      unit.mode == plan::Mode::build ? compile_command(units, unit, inputs) : run_command(units, unit, inputs);
  std::ranges::sort(command.mounts, {}, &Mount::target);
  return command;
}

}  // namespace recipe::emit
