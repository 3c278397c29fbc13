#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "generator/model/root_manifest.hpp"
#include "generator/model/toolchain.hpp"
#include "generator/model/workspace.hpp"
#include "generator/plan/features.hpp"
#include "generator/plan/profile.hpp"

namespace recipe::plan {

enum class Mode { build, run_custom_build };

struct UnitDep {
  size_t unit;                    // index into Plan::units
  std::string extern_crate_name;  // as rustc's --extern sees it
};

// What one rustc call does towards link-time optimisation (cargo's lto::Lto), decided from the
// roots down by decide_lto(): it gives `-C lto[=…]`, `-C linker-plugin-lto`, `-C embed-bitcode=no`
// or nothing.
enum class Lto {
  only_object,         // object code only: -C embed-bitcode=no
  only_bitcode,        // bitcode only, for a parent's LTO: -C linker-plugin-lto
  object_and_bitcode,  // both: rustc's default, no flag
  run,                 // this rustc runs LTO: -C lto, or -C lto=VALUE from the unit's profile
  off,                 // lto = "off": -C lto=off -C embed-bitcode=no
};

// One compilation unit: what cargo calls a Unit (package × target × mode × kind × profile ×
// features). Holds pointers into the Workspace the plan was made from.
struct Unit {
  const model::Package* package = nullptr;
  const model::Target* target = nullptr;
  Mode mode = Mode::build;
  std::optional<std::string> platform;  // compile target triple; none = host (no --target)
  bool for_host = false;                // built with the build-override profile
  std::set<std::string> features;
  Profile profile;
  Lto lto = Lto::only_object;
  std::vector<UnitDep> deps;               // sorted by (extern name, unit index)
  std::string id;                          // 32 hex digits: XXH3-128 of everything that reaches rustc (plan.cpp)
  std::vector<std::string> rustc_args;     // compile units only, without the leading "rustc"
  std::map<std::string, std::string> env;  // compile env for rustc, or run env for build scripts
};

struct PlanOptions {
  std::vector<std::string> packages;  // -p NAME; empty: the default members
  bool workspace = false;             // --workspace
  std::vector<std::string> features;  // --features (each "f" or "pkg/f")
  bool all_features = false;
  bool no_default_features = false;
  std::vector<std::string> bins;     // --bin NAME; empty: every bin
  bool bins_only = false;            // --bins: no lib root
  std::vector<std::string> targets;  // --target TRIPLE, repeatable; none: the host
  std::string profile = "release";
  std::optional<std::string> resolver;  // override when no root manifest can be read
};

// Everything the planner reads: the workspace, its root manifest, the toolchain, checksums.
struct PlanInputs {
  const model::Workspace* workspace = nullptr;
  model::RootManifest manifest;
  model::Toolchain toolchain;
  std::map<std::string, std::string> checksums;  // by package id
};

struct Plan {
  std::string resolver;
  std::string profile;
  std::string rustc_release;
  std::string host;
  std::vector<std::string> targets;  // as asked, in order; empty: the host
  // Sorted by (package key, target name, target kinds, mode, platform, for_host, features, profile).
  std::vector<Unit> units;
  std::vector<size_t> roots;                     // indices into units, ascending
  std::map<std::string, std::string> checksums;  // by package key
  std::shared_ptr<const ResolvedFeatures> features;
  // By package key, for path packages: a digest of their files (pipeline::digest_path_package_sources),
  // filled by a caller that reads them; `plan --format json` records it for `explain`.
  std::map<std::string, std::string> source_digests;  // and why each is on: what `plan --why` reads
};

// Plan every unit `cargo build` would compile for `opts`. Pure. The plan borrows from
// `inputs.workspace`. Throws InputError for unknown packages, features or bins.
Plan make_plan(const PlanInputs& inputs, const PlanOptions& opts);

const char* to_string(Mode mode);

}  // namespace recipe::plan
