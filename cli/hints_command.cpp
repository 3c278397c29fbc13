#include "cli/hints_command.hpp"

#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli/input_options.hpp"
#include "generator/pipeline/read_hints_files.hpp"
#include "generator/emit/recipe_inputs.hpp"
#include "generator/emit/stage_names.hpp"
#include "generator/emit/system_packages.hpp"
#include "generator/hints/collect.hpp"
#include "generator/support/error.hpp"

namespace recipe::cli {

namespace {

struct HintsCommandOptions {
  WorkspaceOptions workspace;
  hints::HintOptions hints;
  std::string base_image = emit::k_default_base_image;
  std::vector<std::string> crates;  // NAME or NAME@VERSION
};

std::string package_list(const std::vector<hints::SystemPackage>& packages) {
  return packages.empty() ? "(none)" : hints::install_words(packages);
}

// One crate's decision, as the lines the command prints for it.
std::string explain(const std::string& label, const std::optional<hints::Decision>& decision, hints::Distro distro) {
  if (!decision) {
    return label + ": no hints for " + hints::to_string(distro) + "\n";
  }
  std::string out = label + ": " + package_list(decision->packages) + "\n";
  out += "  from " + decision->source + ", entry \"" + decision->entry + "\" (" + decision->where + ")\n";
  for (const auto& earlier : decision->overridden) {
    out += "  overrides " + earlier + "\n";
  }
  return out;
}

// Crates named on the command line, without a workspace: only the files, the built-in database
// and the added packages have a say.
void explain_named(const HintsCommandOptions& opts, hints::Distro distro, const hints::HintSet& set) {
  for (const auto& spec : opts.crates) {
    size_t at = spec.find('@');
    std::string name = spec.substr(0, at);
    std::string version = at == std::string::npos ? "" : spec.substr(at + 1);
    std::cout << explain(spec, set.for_crate(name, version, distro), distro);
  }
}

void explain_workspace(const HintsCommandOptions& opts, hints::Distro distro, const hints::HintSet& set,
                       const plan::Plan& plan) {
  std::set<std::string> wanted;
  for (const auto& spec : opts.crates) {
    wanted.insert(spec.substr(0, spec.find('@')));
  }
  auto unit_packages = emit::unit_system_packages(plan, set, distro);
  // Per package of the plan (by key): its decision and the stages that install anything for it.
  std::map<std::string, const model::Package*> packages;
  for (const auto& unit : plan.units) {
    packages.emplace(unit.package->key, unit.package);
  }
  bool any = false;
  for (const auto& [key, pkg] : packages) {
    if (!wanted.empty() && !wanted.contains(pkg->name)) {
      continue;
    }
    auto decision = set.for_crate(pkg->name, pkg->version, distro);
    if (!decision && wanted.empty()) {
      continue;
    }
    any = true;
    std::cout << explain(key, decision, distro);
  }
  if (!any) {
    std::cout << "no crate of this build has hints for " << hints::to_string(distro) << "\n";
  }
  // Where they are installed: the build-script runs and the units that link.
  std::map<std::string, std::string> stages;
  for (size_t i = 0; i < plan.units.size(); ++i) {
    if (!unit_packages[i].empty()) {
      stages.emplace(emit::unit_stage(plan.units[i]), package_list(unit_packages[i]));
    }
  }
  if (!stages.empty()) {
    std::cout << "stages that install packages:\n";
    for (const auto& [stage, packages] : stages) {
      std::cout << "  " << stage << ": " << packages << "\n";
    }
  }
}

void run_hints(HintsCommandOptions& opts) {
  finish_workspace_options(opts.workspace);
  bool use_workspace = opts.crates.empty() || opts.workspace.load.manifest_path || opts.workspace.load.metadata_file;
  std::optional<pipeline::LoadedInputs> loaded;
  SubprocessRunner processes;
  if (use_workspace) {
    loaded = pipeline::load_inputs(opts.workspace.load, processes);
  }
  std::string why;
  hints::Distro distro =
      hints::decide_distro(opts.hints.distro, loaded ? loaded->inputs.toolchain.distro : "", opts.base_image, &why);
  hints::HintSet set = pipeline::load_hints(opts.hints, loaded ? loaded->workspace.get() : nullptr);
  std::cout << "distro: " << hints::to_string(distro) << " (" << why << ")\n";
  std::cout << "sources, later wins:";
  for (const auto& source : set.sources()) {
    std::cout << "\n  " << source.name;
  }
  std::cout << "\n";
  if (loaded) {
    explain_workspace(opts, distro, set, plan::make_plan(loaded->inputs, opts.workspace.plan));
  } else {
    explain_named(opts, distro, set);
  }
  auto everywhere = set.everywhere(distro);
  if (!everywhere.empty()) {
    std::cout << "every unit that runs a build script or links: " << package_list(everywhere) << "\n";
    for (const auto& source : set.everywhere_sources(distro)) {
      std::cout << "  from " << source << "\n";
    }
  }
}

}  // namespace

void add_hints_command(CLI::App& app) {
  auto opts = std::make_shared<HintsCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "hints", "Show which system packages would be installed for which crates, and which source decided");
  command->add_option("crates", opts->crates,
                      "Crates to explain (NAME or NAME@VERSION); default: every crate of the workspace with hints");
  add_workspace_options(*command, opts->workspace);
  add_hint_options(*command, opts->hints);
  command->add_option("--base-image", opts->base_image, "The image the recipe builds on (its name may say alpine)")
      ->capture_default_str();
  command->callback([opts] { run_hints(*opts); });
}

}  // namespace recipe::cli
