#include "generator/plan/dep_graph.hpp"

#include <algorithm>

#include "generator/model/semver.hpp"
#include "generator/support/error.hpp"

namespace recipe::plan {

namespace {

bool requirement_matches(const model::DependencyDecl& decl, const model::Package& dep) {
  auto req = model::VersionReq::parse(decl.req);
  auto version = model::Version::parse(dep.version);
  return !req || !version || req->matches(*version);
}

bool kinds_match(const model::DependencyDecl& decl, const model::ResolvedDep& edge) {
  if (edge.kinds.empty()) {
    return true;  // old metadata without dep_kinds
  }
  return std::ranges::any_of(edge.kinds, [&decl](const auto& kind) {
    std::string edge_platform = kind.second ? kind.second->text : "";
    std::string decl_platform = decl.platform ? decl.platform->text : "";
    return kind.first == decl.kind && edge_platform == decl_platform;
  });
}

}  // namespace

DepGraph::DepGraph(const model::Workspace& ws) : m_ws(ws), m_edges(ws.packages.size()) {
  for (const auto& [id, resolved] : ws.resolve) {
    const model::Package& pkg = ws.package(id);
    std::vector<DepEdge>& out = m_edges[ws.index_of(pkg)];
    for (const auto& edge : resolved) {
      const model::Package& dep = ws.package(edge.package_id);
      std::vector<const model::DependencyDecl*> candidates;
      for (const auto& decl : pkg.dependencies) {
        if (decl.package == dep.name && kinds_match(decl, edge)) {
          candidates.push_back(&decl);
        }
      }
      // The version requirement only tells apart two declarations of one crate (say, two
      // major versions); a single candidate is the edge's declaration whatever its requirement
      // says, as with a git pre-release under "*".
      if (candidates.size() > 1) {
        std::erase_if(candidates, [&dep](const auto* decl) { return !requirement_matches(*decl, dep); });
      }
      for (const auto* decl : candidates) {
        out.push_back({&dep, decl, edge.extern_name});
      }
      if (candidates.empty()) {
        throw InputError("resolved dependency of \"" + pkg.key + "\" on \"" + dep.key +
                         "\" matches none of its declared dependencies (metadata from a different manifest?)");
      }
    }
    std::ranges::stable_sort(out, {}, [](const DepEdge& e) { return e.package->key; });
  }
}

}  // namespace recipe::plan
