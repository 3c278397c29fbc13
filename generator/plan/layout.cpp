#include "generator/plan/layout.hpp"

#include <algorithm>

#include "generator/support/concat.hpp"

namespace recipe::plan::layout {

std::string source_dir(const model::Package& pkg) {
  std::string dir = pkg.key;
  std::ranges::replace(dir, '@', '-');
  std::ranges::replace(dir, '#', '-');
  return "/recipe/src/" + dir;
}

std::string_view short_id(const Unit& unit) {
  return std::string_view(unit.id).substr(0, 16);
}

std::string unit_dir(const Unit& unit) {
  return concat({"/recipe/units/", short_id(unit)});
}

std::string out_dir(const Unit& run_unit) {
  return concat({"/recipe/units/", short_id(run_unit), "/out"});
}

namespace {

// The artifact's file name, in `dir` when that is given.
std::string artifact_in(std::string_view dir, const Unit& unit) {
  const model::Target& target = *unit.target;
  std::string crate = target.crate_name();
  std::string_view slash = dir.empty() ? "" : "/";
  if (target.is_proc_macro()) {
    return concat({dir, slash, "lib", crate, "-", short_id(unit), ".so"});
  }
  if (target.is_lib()) {
    return concat({dir, slash, "lib", crate, "-", short_id(unit), ".rlib"});
  }
  return concat({dir, slash, crate, "-", short_id(unit)});
}

}  // namespace

std::string artifact_file(const Unit& unit) {
  return artifact_in("", unit);
}

std::string artifact_path(const Unit& unit) {
  return artifact_in(unit_dir(unit), unit);
}

}  // namespace recipe::plan::layout
