#include "cli/input_options.hpp"

namespace recipe::cli {

void add_manifest_options(CLI::App& command, pipeline::LoadOptions& load) {
  command.add_option("--manifest-path", load.manifest_path, "Path to Cargo.toml of the workspace");
  command.add_option(
      "--metadata", load.metadata_file,
      "Read `cargo metadata --format-version 1` output from FILE (- for stdin) instead of running cargo");
  command.add_option("--lockfile", load.lockfile,
                     "Cargo.lock to read checksums from (default: beside the root manifest)");
  command.add_option("--filter-platform", load.filter_platforms, "Pass --filter-platform to cargo metadata");
}

void add_lock_options(CLI::App& command, pipeline::LoadOptions& load) {
  command.add_flag("--locked", load.locked,
                   "Require Cargo.lock to be used as it is, as cargo does (install: the crate's own Cargo.lock)");
  command.add_flag("--offline", load.offline, "Run without accessing the network, as cargo does");
}

void add_feature_options(CLI::App& command, pipeline::LoadOptions& load) {
  command.add_option("-F,--features", load.features, "Features to activate (\"f\" or \"pkg/f\"), repeatable")
      ->delimiter(',');
  command.add_flag("--all-features", load.all_features, "Activate all features of the selected packages");
  command.add_flag("--no-default-features", load.no_default_features, "Do not activate the default features");
}

void add_target_selection_options(CLI::App& command, plan::PlanOptions& plan, bool workspace) {
  if (workspace) {
    command.add_option("-p,--package", plan.packages, "Package to build (repeatable; default: the default members)");
    command.add_flag("--workspace", plan.workspace, "Build every workspace member");
  }
  command.add_option("--bin", plan.bins, "Build only this binary (repeatable; default: every binary)")
      ->allow_extra_args(false);
  command.add_flag("--bins", plan.bins_only, "Build all binaries (and not the library as a root)");
}

void add_compile_options(CLI::App& command, pipeline::LoadOptions& load, plan::PlanOptions& plan) {
  command
      .add_option("--target", load.targets, "Target triple to build for, repeatable (default: the toolchain's host)")
      ->allow_extra_args(false);
  command.add_option("--profile", plan.profile, "Cargo profile")->capture_default_str();
  command.add_option("--toolchain", load.toolchain_file,
                     "Toolchain of the build image: TOML with rustc_vv and cfg (default: ask the local rustc)");
}

void add_workspace_options(CLI::App& command, WorkspaceOptions& opts) {
  add_manifest_options(command, opts.load);
  add_lock_options(command, opts.load);
  add_feature_options(command, opts.load);
  add_target_selection_options(command, opts.plan, true);
  add_compile_options(command, opts.load, opts.plan);
  command.add_option("--resolver", opts.resolver, "Feature resolver when no root manifest says (1, 2 or 3)")
      ->check(CLI::IsMember({"1", "2", "3"}));
}

void finish_workspace_options(WorkspaceOptions& opts) {
  opts.plan.features = opts.load.features;
  opts.plan.all_features = opts.load.all_features;
  opts.plan.no_default_features = opts.load.no_default_features;
  opts.plan.targets = opts.load.targets;
  if (!opts.resolver.empty()) {
    opts.plan.resolver = opts.resolver;
  }
}

void add_hint_options(CLI::App& command, hints::HintOptions& opts) {
  command
      .add_option("--hints", opts.files, "Hints file (TOML, schemas/hints.schema.json), repeatable; later files win")
      ->allow_extra_args(false);
  command.add_option(
      "--distro", opts.distro,
      "Distro family of the base image: debian or alpine (default: from the toolchain file or image name)");
  command
      .add_option("--add-apt", opts.add_apt,
                  "Comma-separated apt packages for every unit that runs a build script or links")
      ->envname("CARGO_RECIPE_ADD_APT");
  command
      .add_option("--add-apk", opts.add_apk,
                  "Comma-separated apk packages for every unit that runs a build script or links")
      ->envname("CARGO_RECIPE_ADD_APK");
}

}  // namespace recipe::cli
