#include "tests/support/plan_fixture.hpp"

#include <stdexcept>

#include "generator/cargo/manifest.hpp"
#include "generator/cargo/metadata.hpp"
#include "generator/cargo/toolchain.hpp"

namespace recipe::testing {

std::string test_data(const std::string& relative) {
  return std::string(CARGO_RECIPE_TEST_DIR) + "/" + relative;
}

model::Toolchain linux_toolchain(const std::string& release) {
  const std::string vv =
      "rustc " + release + "\nbinary: rustc\nhost: x86_64-unknown-linux-gnu\nrelease: " + release + "\n";
  const std::string cfg =
      "debug_assertions\npanic=\"unwind\"\ntarget_arch=\"x86_64\"\ntarget_endian=\"little\"\ntarget_env=\"gnu\"\n"
      "target_family=\"unix\"\ntarget_feature=\"fxsr\"\ntarget_feature=\"sse\"\ntarget_feature=\"sse2\"\n"
      "target_has_atomic=\"16\"\ntarget_has_atomic=\"32\"\ntarget_has_atomic=\"64\"\ntarget_has_atomic=\"8\"\n"
      "target_has_atomic=\"ptr\"\ntarget_os=\"linux\"\ntarget_pointer_width=\"64\"\ntarget_vendor=\"unknown\"\nunix\n";
  model::Toolchain toolchain = cargo::toolchain_from_text(vv, cfg, "test");
  toolchain.cfg_by_triple["x86_64-pc-windows-gnu"] = model::CfgSet::parse(
      "panic=\"unwind\"\ntarget_arch=\"x86_64\"\ntarget_env=\"gnu\"\ntarget_family=\"windows\"\n"
      "target_os=\"windows\"\ntarget_pointer_width=\"64\"\ntarget_vendor=\"pc\"\nwindows\n",
      "x86_64-pc-windows-gnu", "test");
  return toolchain;
}

model::Toolchain cross_toolchain(const std::string& release) {
  const std::string text =
      "rustc_vv = \"\"\"\nrustc " + release + "\nhost: x86_64-unknown-linux-gnu\nrelease: " + release +
      "\n\"\"\"\ncfg = \"\"\"\ntarget_arch=\"x86_64\"\ntarget_os=\"linux\"\nunix\n\"\"\"\n"
      "[target.aarch64-unknown-linux-gnu]\ndeb_arch = \"arm64\"\nlinker = \"aarch64-linux-gnu-gcc\"\n"
      "cc = \"aarch64-linux-gnu-gcc\"\ncfg = \"\"\"\ntarget_arch=\"aarch64\"\ntarget_os=\"linux\"\n"
      "target_pointer_width=\"64\"\nunix\n\"\"\"\n"
      "[target.aarch64-unknown-linux-gnu.env]\nPKG_CONFIG_LIBDIR_aarch64_unknown_linux_gnu = "
      "\"/usr/lib/aarch64-linux-gnu/pkgconfig\"\n";
  model::Toolchain toolchain = cargo::parse_toolchain_file(text, "cross.toml");
  // The host's full cfg, as linux_toolchain() has it.
  toolchain.cfg_by_triple[toolchain.host] = linux_toolchain(release).cfg(toolchain.host);
  return toolchain;
}

const plan::Unit& PlannedWorkspace::unit(const std::string& package, const std::string& target, bool for_host,
                                         plan::Mode mode) const {
  for (const auto& u : plan.units) {
    if (u.package->name == package && u.target->name == target && u.for_host == for_host && u.mode == mode) {
      return u;
    }
  }
  throw std::runtime_error("no unit " + package + "/" + target);
}

bool PlannedWorkspace::has_unit(const std::string& package, bool for_host) const {
  for (const auto& u : plan.units) {
    if (u.package->name == package && u.for_host == for_host && u.mode == plan::Mode::build) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> codegen_options(const plan::Unit& unit) {
  std::vector<std::string> out;
  for (size_t i = 0; i + 1 < unit.rustc_args.size(); ++i) {
    if (unit.rustc_args[i] == "-C") {
      out.push_back(unit.rustc_args[i + 1]);
    }
  }
  return out;
}

PlannedWorkspace plan_json(const std::string& metadata, plan::PlanOptions opts, const std::string& resolver,
                           const model::Toolchain& toolchain, const std::string& root_manifest) {
  PlannedWorkspace planned;
  planned.workspace = std::make_unique<model::Workspace>(cargo::parse_metadata(metadata, "test.json"));
  plan::PlanInputs inputs;
  inputs.workspace = planned.workspace.get();
  inputs.toolchain = toolchain;
  inputs.manifest = cargo::parse_root_manifest(root_manifest, "Cargo.toml");
  opts.resolver = resolver;
  planned.plan = plan::make_plan(inputs, opts);
  return planned;
}

}  // namespace recipe::testing
