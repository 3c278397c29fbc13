#pragma once

#include <string>
#include <string_view>

#include "generator/model/workspace.hpp"
#include "generator/plan/plan.hpp"

// Fixed absolute paths inside the build. They are part of every output (env!("OUT_DIR"),
// CARGO_MANIFEST_DIR, debuginfo), so they never depend on the host, the user or the run.
namespace recipe::plan::layout {

// Where a package's sources live: /recipe/src/NAME-VERSION (plus the key suffix, if any).
std::string source_dir(const model::Package& pkg);
// The short form of a unit id used in file names and -C metadata (16 hex digits); a view of
// `unit.id`.
std::string_view short_id(const Unit& unit);
// Where a unit writes its outputs, and where dependents find them: /recipe/units/ID16.
std::string unit_dir(const Unit& unit);
// OUT_DIR of a build-script run unit: /recipe/units/ID16/out.
std::string out_dir(const Unit& run_unit);
// The main artifact a compile unit leaves in unit_dir: libfoo-ID16.rlib, libbar-ID16.so, baz-ID16.
std::string artifact_file(const Unit& unit);
// unit_dir/artifact_file.
std::string artifact_path(const Unit& unit);

}  // namespace recipe::plan::layout
