#include "generator/plan/layout.hpp"

#include <algorithm>

namespace recipe::plan::layout {

std::string source_dir(const model::Package& pkg) {
  std::string dir = pkg.key;
  std::ranges::replace(dir, '@', '-');
  std::ranges::replace(dir, '#', '-');
  return "/recipe/src/" + dir;
}

std::string short_id(const Unit& unit) {
  return unit.id.substr(0, 16);
}

std::string unit_dir(const Unit& unit) {
  return "/recipe/units/" + short_id(unit);
}

std::string out_dir(const Unit& run_unit) {
  return unit_dir(run_unit) + "/out";
}

std::string artifact_file(const Unit& unit) {
  const model::Target& target = *unit.target;
  std::string suffix = "-" + short_id(unit);
  if (target.is_proc_macro()) {
    return "lib" + target.crate_name() + suffix + ".so";
  }
  if (target.is_lib()) {
    return "lib" + target.crate_name() + suffix + ".rlib";
  }
  return target.crate_name() + suffix;
}

}  // namespace recipe::plan::layout
