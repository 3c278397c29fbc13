#include "generator/plan/why.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <vector>

#include "generator/support/error.hpp"
#include "generator/support/suggest.hpp"

namespace recipe::plan {

namespace {

// A node of the inverted feature graph: a package side, or one of its features.
struct Node {
  size_t slot = 0;
  std::optional<std::string> feature;

  auto operator<=>(const Node&) const = default;
};

class FeatureTree {
 public:
  explicit FeatureTree(const ResolvedFeatures& features) : m_features(features) {}

  std::string render(const Node& root) {
    std::string out = label(root) + "\n";
    m_expanded.insert(root);
    children(root, "", out);
    return out;
  }

  // The labels of the nodes right under `node`, and "the command line" if it was asked there.
  std::string activators(const Node& node) const {
    std::set<std::string> labels;
    for (const Activation& why : reasons(node)) {
      if (why.kind == Activation::Kind::command_line) {
        labels.insert("the command line");
        continue;
      }
      Node parent{why.from_slot, why.kind == Activation::Kind::feature ? std::optional(why.feature) : std::nullopt};
      labels.insert(plain_label(parent));
    }
    std::string out;
    for (const auto& text : labels) {
      out += (out.empty() ? "" : ", ") + text;
    }
    return out;
  }

 private:
  const std::set<Activation>& reasons(const Node& node) const {
    const model::Package& pkg = m_features.package_of(node.slot);
    bool host = m_features.host_of(node.slot);
    return node.feature ? m_features.reasons(pkg, host, *node.feature) : m_features.package_reasons(pkg, host);
  }

  std::string plain_label(const Node& node) const {
    const model::Package& pkg = m_features.package_of(node.slot);
    return node.feature ? pkg.name + " feature \"" + *node.feature + "\"" : pkg.name + " v" + pkg.version;
  }

  std::string label(const Node& node) const {
    std::string text = plain_label(node);
    if (m_features.host_of(node.slot)) {
      text += " (host)";
    }
    bool asked = std::ranges::any_of(reasons(node),
                                     [](const Activation& a) { return a.kind == Activation::Kind::command_line; });
    return asked ? text + " (command-line)" : text;
  }

  void children(const Node& node, const std::string& indent, std::string& out) {
    std::map<std::string, Node> parents;  // by label, so that the tree reads in a stable order
    for (const Activation& why : reasons(node)) {
      if (why.kind == Activation::Kind::command_line) {
        continue;
      }
      Node parent{why.from_slot, why.kind == Activation::Kind::feature ? std::optional(why.feature) : std::nullopt};
      parents.emplace(label(parent), parent);
    }
    size_t left = parents.size();
    for (const auto& [text, parent] : parents) {
      bool last = --left == 0;
      bool again = !m_expanded.insert(parent).second;
      out += indent + (last ? "└── " : "├── ") + text + (again ? " (*)" : "") + "\n";
      if (!again) {
        children(parent, indent + (last ? "    " : "│   "), out);
      }
    }
  }

  const ResolvedFeatures& m_features;
  std::set<Node> m_expanded;
};

std::string unit_label(const Unit& unit) {
  std::string kind = unit.mode == Mode::run_custom_build ? "build-script-run" : unit.target->kinds.front();
  if (kind == "custom-build") {
    kind = "build-script";
  }
  return kind + " " + unit.package->key + " " + unit.target->name + (unit.for_host ? " (host)" : "");
}

// Every unit of the planned packages that `spec` (a name or name@version) names.
std::vector<size_t> units_named(const Plan& plan, std::string_view spec) {
  std::vector<size_t> found;
  std::set<std::string> names;
  for (size_t i = 0; i < plan.units.size(); ++i) {
    const model::Package& pkg = *plan.units[i].package;
    names.insert(pkg.name);
    if (pkg.name == spec || pkg.key == spec) {
      found.push_back(i);
    }
  }
  if (found.empty()) {
    throw InputError("no planned package is named " +
                     quoted_with_suggestion(spec, std::vector<std::string>(names.begin(), names.end())));
  }
  return found;
}

// For each unit, the unit that first reached it walking breadth-first from the roots.
std::vector<std::optional<size_t>> first_dependents(const Plan& plan) {
  std::vector<std::optional<size_t>> reached_from(plan.units.size());
  std::vector<bool> seen(plan.units.size());
  std::deque<size_t> queue;
  for (size_t root : plan.roots) {
    seen[root] = true;
    queue.push_back(root);
  }
  while (!queue.empty()) {
    size_t unit = queue.front();
    queue.pop_front();
    for (const auto& dep : plan.units[unit].deps) {
      if (!seen[dep.unit]) {
        seen[dep.unit] = true;
        reached_from[dep.unit] = unit;
        queue.push_back(dep.unit);
      }
    }
  }
  return reached_from;
}

std::string why_units(const Plan& plan, std::string_view spec) {
  std::vector<std::optional<size_t>> reached_from = first_dependents(plan);
  std::string out;
  for (size_t unit : units_named(plan, spec)) {
    out += unit_label(plan.units[unit]) + "\n";
    std::string indent;
    for (std::optional<size_t> at = reached_from[unit]; at; at = reached_from[*at]) {
      bool root = !reached_from[*at];
      out += indent + "└── " + unit_label(plan.units[*at]) + (root ? " (root)" : "") + "\n";
      indent += "    ";
    }
  }
  return out;
}

std::string why_feature(const Plan& plan, std::string_view spec, const std::string& feature) {
  std::set<size_t> slots;  // the package sides of the matching units
  for (size_t unit : units_named(plan, spec)) {
    slots.insert(plan.features->slot_of(*plan.units[unit].package, plan.units[unit].for_host));
  }
  std::string out;
  FeatureTree tree(*plan.features);
  for (size_t slot : slots) {
    const model::Package& pkg = plan.features->package_of(slot);
    if (plan.features->reasons(pkg, plan.features->host_of(slot), feature).empty()) {
      continue;
    }
    out += tree.render(Node{slot, feature});
  }
  if (out.empty()) {
    throw InputError("feature \"" + feature + "\" of \"" + std::string(spec) + "\" is not on in this plan");
  }
  return out;
}

}  // namespace

std::string feature_activators(const Plan& plan, const Unit& unit, const std::string& feature) {
  // A build script of a library built for the target is a host unit with the target's features:
  // the side is the one whose features the unit has.
  const ResolvedFeatures& resolved = *plan.features;
  bool host = unit.for_host && resolved.features(*unit.package, true) == unit.features;
  return FeatureTree(resolved).activators(Node{resolved.slot_of(*unit.package, host), feature});
}

std::string render_why(const Plan& plan, std::string_view query) {
  if (auto slash = query.find('/'); slash != std::string_view::npos) {
    return why_feature(plan, query.substr(0, slash), std::string(query.substr(slash + 1)));
  }
  return why_units(plan, query);
}

}  // namespace recipe::plan
