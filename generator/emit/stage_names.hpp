#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "generator/hints/hints.hpp"
#include "generator/plan/plan.hpp"

namespace recipe::emit {

// Readable, stable stage names: what the unit is, its crate and version, and its id.
//   lib-serde-1.0.152-3f2a9c1b7e4d, build-script-run-libc-0.2.139-..., bin-app-0.1.0-...
std::string unit_stage(const plan::Unit& unit);
// The scratch stage that holds only the unit's outputs: out-<unit stage>.
std::string output_stage(const plan::Unit& unit);
// The stage that holds a package's sources: src-serde-1.0.152.
std::string source_stage(const model::Package& pkg);
// "lib", "proc-macro", "bin", "cdylib", "build-script" or "build-script-run".
std::string unit_kind(const plan::Unit& unit);

// The stage every other builds on, FROM the base image.
inline constexpr const char* k_base_stage = "base";
// The stage that installs one set of system packages on the base: apt-<12 hex of the set>.
std::string package_set_stage(hints::Distro distro, const std::vector<hints::SystemPackage>& packages);
// Whether a stage named `name` runs a unit (not the helper, the base, a source, a package set or
// a stage of the runtime image).
bool is_unit_stage_name(std::string_view name);

}  // namespace recipe::emit
