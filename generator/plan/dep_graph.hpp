#pragma once

#include <map>
#include <string>
#include <vector>

#include "generator/model/workspace.hpp"

namespace recipe::plan {

// A resolved edge paired with the manifest declaration that caused it. One resolved edge may
// carry several declarations (the same crate as a normal and a build dependency).
struct DepEdge {
  const model::Package* package;      // the dependency
  const model::DependencyDecl* decl;  // the declaration in the depending package
  std::string extern_name;            // as cargo metadata names it (after renames)
};

// For each package id, its edges sorted by (dependency key, declaration order).
class DepGraph {
 public:
  // Pair every resolved edge of `ws` with its declarations (by package name, version requirement,
  // kind and platform). Throws InputError when an edge matches no declaration.
  explicit DepGraph(const model::Workspace& ws);
  const std::vector<DepEdge>& edges(const std::string& package_id) const;

 private:
  std::map<std::string, std::vector<DepEdge>> m_edges;
  std::vector<DepEdge> m_none;
};

}  // namespace recipe::plan
