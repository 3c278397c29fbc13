#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "generator/plan/plan.hpp"

namespace recipe::pipeline {

// List, for every path package the plan builds, the top-level files and folders of its directory
// that belong to it: everything but hidden entries, `target`, `Cargo.lock`, folders holding
// another path package, and `skip` (paths relative to the workspace root, such as the vendor
// and recipes folders). Sorted. This is the one place the emitter's inputs touch the disk.
// Throws Error when a package directory cannot be read.
std::map<std::string, std::vector<std::string>> list_path_package_entries(const model::Workspace& ws,
                                                                          const plan::Plan& plan,
                                                                          const std::set<std::string>& skip);

// A digest of every file the recipe copies for each path package in `entries` (as listed by
// list_path_package_entries), by package key: file names and contents, symlinks by their target,
// never followed. What `explain` compares, as unit ids leave path sources to the engine's copy.
// Throws Error when a file cannot be read.
std::map<std::string, std::string> digest_path_package_sources(
    const model::Workspace& ws, const std::map<std::string, std::vector<std::string>>& entries);

}  // namespace recipe::pipeline
