#include "generator/pipeline/generate.hpp"

#include <filesystem>

#include "generator/pipeline/acquire.hpp"
#include "generator/pipeline/dev_free_workspace.hpp"
#include "generator/pipeline/dev_free_workspace.hpp"
#include "generator/pipeline/path_sources.hpp"
#include "generator/pipeline/read_hints_files.hpp"
#include "generator/pipeline/recipe_header.hpp"
#include "generator/install/adopt.hpp"
#include "generator/install/binaries_left.hpp"
#include "generator/emit/recipe_inputs.hpp"
#include "generator/emit/system_packages.hpp"
#include "generator/support/error.hpp"

namespace recipe::pipeline {

namespace fs = std::filesystem;

namespace {

// recipes/NAME@VERSION.Dockerfile: the root package, or for a virtual workspace the folder's name
// and the version of the first root.
std::string default_output(const model::Workspace& ws, const plan::Plan& plan) {
  if (ws.root_package) {
    return "recipes/" + ws.package(*ws.root_package).key + ".Dockerfile";
  }
  std::string name = fs::path(ws.workspace_root).filename().string();
  std::string version = plan.roots.empty() ? "0.0.0" : plan.units[plan.roots.front()].package->version;
  return "recipes/" + name + "@" + version + ".Dockerfile";
}

emit::SourceOptions parse_sources(const std::string& text, const model::Workspace& ws, std::set<std::string>& skip) {
  emit::SourceOptions sources;
  if (text == "registry") {
    return sources;
  }
  if (!text.starts_with("vendor=") || text.size() == 7) {
    throw InputError("--sources \"" + text + "\": expected \"registry\" or \"vendor=DIR\"");
  }
  sources.mode = emit::SourceOptions::Mode::vendor;
  fs::path dir = fs::absolute(text.substr(7)).lexically_normal();
  fs::path relative = dir.lexically_relative(ws.workspace_root);
  // A vendor folder inside the workspace is part of the build context as it is; one outside
  // (a Debian registry, say) is staged into the context as vendor/ by `cargo-recipe build`.
  if (!relative.empty() && !relative.string().starts_with("..")) {
    sources.vendor_context_dir = relative.generic_string();
    skip.insert(sources.vendor_context_dir);
  }
  return sources;
}

// What the header records: the request, with a git reference pinned to the commit it named (a
// branch or tag moves, and the header must regenerate what was built).
GenerateRequest recorded_request(const GenerateRequest& request, const std::string& git_commit) {
  GenerateRequest recorded = request;
  if (recorded.install && !git_commit.empty()) {
    recorded.install->rev = git_commit;
    recorded.install->tag.reset();
    recorded.install->branch.reset();
  }
  return recorded;
}

}  // namespace

PlannedRequest plan_request(const GenerateRequest& request, ProcessRunner& processes, const GenerateHooks& hooks) {
  pipeline::LoadOptions load = request.load;
  plan::PlanOptions plan_options = request.plan;
  PlannedRequest out;
  // cargo install: first make the crate ready to plan, then plan just its binaries.
  install::AcquiredCrate& crate = out.crate;
  if (request.install) {
    crate = acquire(*request.install, request.sources, processes);
    if (!request.install->path || !load.manifest_path) {
      load.manifest_path = crate.manifest_path;
    }
    // A vendored crate's own Cargo.lock only guides the resolution (install_manifest.hpp).
    load.locked = request.install->locked && !crate.from_vendor;
    load.offline = load.offline || crate.from_vendor;
  }
  // --path and --git: cargo install resolves their workspace without any member's dev-dependencies
  // (and, without --locked, ignoring its Cargo.lock); resolve a stand-in that has none.
  std::optional<DevFreeWorkspace> dev_free;
  const std::string real_manifest = load.manifest_path.value_or("");
  std::function<std::string(std::string)> transform = hooks.transform_metadata;
  if (request.install && !crate.from_vendor) {
    dev_free.emplace(real_manifest, workspace_root_of(real_manifest, processes), request.install->locked);
    load.manifest_path = dev_free->manifest_path();
    load.locked = false;
    if (!load.lockfile) {
      load.lockfile = dev_free->lockfile();
    }
    transform = [&dev_free, next = hooks.transform_metadata](std::string text) {
      text = dev_free->real_metadata(std::move(text));
      return next ? next(std::move(text)) : text;
    };
  }
  out.loaded = pipeline::load_inputs(load, processes, transform);
  if (request.install) {
    out.installed = &install::adopt_package(*out.loaded.workspace, out.loaded.inputs.checksums, *request.install, crate,
                                            dev_free ? real_manifest : *load.manifest_path);
    plan_options.packages = {out.installed->name};
    plan_options.workspace = false;
    plan_options.bins_only = true;
  }
  out.plan = plan::make_plan(out.loaded.inputs, plan_options);
  if (out.installed != nullptr) {
    install::require_binaries_left(out.plan, *out.installed);
  }
  return out;
}

GeneratedRecipe generate_recipe(const GenerateRequest& request, ProcessRunner& processes, const GenerateHooks& hooks) {
  // Inputs → plan → recipe; only the listing of path packages' files touches the disk here.
  PlannedRequest planned = plan_request(request, processes, hooks);
  pipeline::LoadedInputs& loaded = planned.loaded;
  plan::Plan& plan = planned.plan;
  const install::AcquiredCrate& crate = planned.crate;
  std::string output;
  if (planned.installed != nullptr) {
    // git: NAME@COMMIT, the only name that stays true of what was built.
    output = "recipes/" + planned.installed->name + "@" +
             (crate.git_commit.empty() ? planned.installed->version : crate.git_commit.substr(0, 12)) + ".Dockerfile";
  }
  if (output.empty()) {
    output = default_output(*loaded.workspace, plan);
  }

  emit::RecipeInputs inputs;
  inputs.plan = &plan;
  // System packages: each crate's hints, installed only in the stages that use them. Read before
  // any file is listed, so that bad hints are reported as such.
  inputs.distro = hints::decide_distro(request.hints.distro, loaded.inputs.toolchain.distro, request.base_image);
  inputs.unit_packages = emit::unit_system_packages(plan, load_hints(request.hints, loaded.workspace.get()),
                                                    inputs.distro, loaded.inputs.toolchain.deb_arch_by_triple());
  inputs.base_image = request.base_image;
  inputs.runtime_base = request.runtime_base;
  inputs.dialect = emit::Dialect::parse(request.dialect);
  std::set<std::string> skip = {"recipes"};
  inputs.sources = parse_sources(request.sources, *loaded.workspace, skip);
  inputs.path_package_entries = list_path_package_entries(*loaded.workspace, plan, skip);
  GenerateRequest recorded = recorded_request(request, crate.git_commit);
  inputs.regenerate_command = request_to_command(recorded);
  inputs.request_json = request_to_json(recorded);
  inputs.source_date_epoch = request.source_date_epoch;
  return {emit::render_dockerfile(inputs), output, plan.units.size()};
}

}  // namespace recipe::pipeline
