#pragma once

#include <map>
#include <string>
#include <vector>

#include "generator/model/toolchain.hpp"
#include "generator/plan/plan.hpp"

namespace recipe::plan {

// Stands in for the unit's own id while the id is being computed from the args themselves.
inline constexpr const char* k_id_placeholder = "@UNIT_ID@";

// The rustc arguments cargo would pass to compile `unit` (no leading "rustc"), in cargo's
// order, with paths of plan::layout and only the flags the toolchain understands; a unit for a
// cross target gets its `--target` and the toolchain's linker for it.
// Dependencies in `units` must already have their ids, and `unit.lto` must be decided. `primary`:
// the unit's package was asked for on the command line (a dylib of another prefers dynamic).
std::vector<std::string> compile_args(const Unit& unit, const std::vector<Unit>& units,
                                      const model::Toolchain& toolchain, bool primary);

// The environment cargo gives rustc when compiling `unit`.
std::map<std::string, std::string> compile_env(const Unit& unit, const std::vector<Unit>& units, bool primary);

// The CARGO_CFG_* variables cargo gives a build script running on a platform with `cfg`.
std::map<std::string, std::string> cfg_env(const model::CfgSet& cfg);

// The environment cargo gives a build script when running `unit` (CARGO_CFG_*, TARGET, ...), and
// for a cross target the linker, C compiler and variables of the toolchain's target settings.
// `platform_cfg_env` is cfg_env of the platform the unit runs for (worked out once per platform).
std::map<std::string, std::string> run_env(const Unit& unit, const model::Toolchain& toolchain,
                                           const std::map<std::string, std::string>& platform_cfg_env);

// "foo-bar" -> "FOO_BAR", as cargo's envify.
std::string envify(const std::string& name);

}  // namespace recipe::plan
