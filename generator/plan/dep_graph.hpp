#pragma once

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

// For each package, its edges sorted by (dependency key, declaration order).
class DepGraph {
 public:
  // Pair every resolved edge of `ws` with its declarations (by package name, version requirement,
  // kind and platform). Throws InputError when an edge matches no declaration. Borrows `ws`.
  explicit DepGraph(const model::Workspace& ws);
  // `pkg` must be one of the workspace's packages.
  const std::vector<DepEdge>& edges(const model::Package& pkg) const { return m_edges[m_ws.index_of(pkg)]; }

 private:
  const model::Workspace& m_ws;
  std::vector<std::vector<DepEdge>> m_edges;  // by package index
};

}  // namespace recipe::plan
