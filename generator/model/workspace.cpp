#include "generator/model/workspace.hpp"

#include <algorithm>

#include "generator/support/error.hpp"

namespace recipe::model {

bool Target::has_kind(const std::string& kind) const {
  return std::ranges::find(kinds, kind) != kinds.end();
}

bool Target::is_lib() const {
  static const std::set<std::string> k_lib_kinds = {"lib", "rlib", "dylib", "cdylib", "staticlib",
                                                     "proc-macro"};
  return std::ranges::any_of(kinds, [](const std::string& k) { return k_lib_kinds.contains(k); });
}

bool Target::is_linkable() const {
  static const std::set<std::string> k_linkable = {"lib", "rlib", "dylib", "proc-macro"};
  return std::ranges::any_of(kinds, [](const std::string& k) { return k_linkable.contains(k); });
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
