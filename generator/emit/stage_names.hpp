#pragma once

#include <string>

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

}  // namespace recipe::emit
