#include "generator/plan/layout.hpp"

#include <algorithm>
#include <initializer_list>

namespace recipe::plan::layout {

std::string source_dir(const model::Package& pkg) {
  std::string dir = pkg.key;
  std::ranges::replace(dir, '@', '-');
  std::ranges::replace(dir, '#', '-');
  return "/recipe/src/" + dir;
}

namespace {

// `parts` joined, in one allocation: these paths are built for every edge of the plan.
std::string concat(std::initializer_list<std::string_view> parts) {
  size_t size = 0;
  for (std::string_view part : parts) {
    size += part.size();
  }
  std::string out;
  out.reserve(size);
  for (std::string_view part : parts) {
    out.append(part);
  }
  return out;
}

}  // namespace

std::string_view short_id(const Unit& unit) {
  return std::string_view(unit.id).substr(0, 16);
}

std::string unit_dir(const Unit& unit) {
  return concat({"/recipe/units/", short_id(unit)});
}

std::string out_dir(const Unit& run_unit) {
  return concat({"/recipe/units/", short_id(run_unit), "/out"});
}

std::string artifact_file(const Unit& unit) {
  const model::Target& target = *unit.target;
  std::string crate = target.crate_name();
  if (target.is_proc_macro()) {
    return concat({"lib", crate, "-", short_id(unit), ".so"});
  }
  if (target.is_lib()) {
    return concat({"lib", crate, "-", short_id(unit), ".rlib"});
  }
  return concat({crate, "-", short_id(unit)});
}

}  // namespace recipe::plan::layout
