#include "generator/model/workspace.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "generator/support/error.hpp"

namespace recipe::model {

namespace {

// Kinds as short arrays searched in order: these run for every edge of the feature resolver and
// the unit graph, where a std::set's node chasing cost more than the comparisons.
constexpr std::array<std::string_view, 6> k_lib_kinds = {"lib", "rlib", "dylib", "cdylib", "staticlib", "proc-macro"};
constexpr std::array<std::string_view, 4> k_linkable_kinds = {"lib", "rlib", "dylib", "proc-macro"};

template <size_t N>
bool any_kind_in(const std::vector<std::string>& kinds, const std::array<std::string_view, N>& wanted) {
  return std::ranges::any_of(
      kinds, [&wanted](const std::string& kind) { return std::ranges::find(wanted, kind) != wanted.end(); });
}

}  // namespace

bool Target::has_kind(std::string_view kind) const {
  return std::ranges::find(kinds, kind) != kinds.end();
}

bool Target::is_lib() const {
  return any_kind_in(kinds, k_lib_kinds);
}

bool Target::is_linkable() const {
  return any_kind_in(kinds, k_linkable_kinds);
}

bool Target::is_proc_macro() const {
  return has_kind("proc-macro");
}

bool Target::is_custom_build() const {
  return has_kind("custom-build");
}

bool Target::is_bin() const {
  return has_kind("bin");
}

std::string Target::crate_name() const {
  std::string crate = name;
  std::ranges::replace(crate, '-', '_');
  return crate;
}

const Target* Package::lib_target() const {
  auto it = std::ranges::find_if(targets, [](const Target& t) { return t.is_lib(); });
  return it == targets.end() ? nullptr : &*it;
}

const Target* Package::linkable_target() const {
  auto it = std::ranges::find_if(targets, [](const Target& t) { return t.is_linkable(); });
  return it == targets.end() ? nullptr : &*it;
}

const Target* Package::build_script() const {
  auto it = std::ranges::find_if(targets, [](const Target& t) { return t.is_custom_build(); });
  return it == targets.end() ? nullptr : &*it;
}

bool Package::is_proc_macro() const {
  const Target* lib = lib_target();
  return lib != nullptr && lib->is_proc_macro();
}

const Package* Workspace::find_package(const std::string& id) const {
  auto it = index_by_id.find(id);
  return it == index_by_id.end() ? nullptr : &packages[it->second];
}

const Package& Workspace::package(const std::string& id) const {
  const Package* pkg = find_package(id);
  if (pkg == nullptr) {
    throw InputError("package id \"" + id + "\" is not among the metadata's packages");
  }
  return *pkg;
}

}  // namespace recipe::model
