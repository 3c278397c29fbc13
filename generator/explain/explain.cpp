#include "generator/explain/explain.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace recipe::explain {

namespace {

constexpr size_t k_short_id = 16;  // how much of an id appears in rustc lines and paths

std::string joined(const std::set<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    out += (out.empty() ? "" : ",") + word;
  }
  return out;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

// Text with every unit's short id replaced by "<unit>": ids of dependencies are compared through
// the dependency, not as text.
class IdMask {
 public:
  IdMask(const PlanRecord& before, const PlanRecord& after) {
    for (const PlanRecord* plan : {&before, &after}) {
      for (const auto& unit : plan->units) {
        m_ids.insert(unit.id.substr(0, k_short_id));
      }
    }
  }

  std::string operator()(const std::string& text) const {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
      size_t end = i;
      while (end < text.size() && is_hex(text[end])) {
        ++end;
      }
      if (end == i) {
        out += text[i++];
        continue;
      }
      std::string run = text.substr(i, end - i);
      out += (run.size() == k_short_id && m_ids.contains(run)) ? "<unit>" : run;
      i = end;
    }
    return out;
  }

 private:
  std::unordered_set<std::string> m_ids;
};

class Explainer {
 public:
  Explainer(const PlanRecord& before, const PlanRecord& after)
      : m_before(before), m_after(after), m_mask(before, after) {
    for (size_t i = 0; i < after.units.size(); ++i) {
      m_after_by_id.emplace(after.units[i].id, i);
    }
    m_changed.resize(after.units.size());
  }

  Explanation run() {
    Explanation out;
    out.units_before = m_before.units.size();
    out.units_after = m_after.units.size();
    pair_units(out);
    std::map<Change, Cause> causes;
    std::vector<size_t> followers;
    for (const auto& [after_index, before_index] : m_counterpart) {
      const UnitRecord& now = m_after.units[after_index];
      const UnitRecord& then = m_before.units[before_index];
      if (!changed(after_index)) {
        ++out.unchanged;
        continue;
      }
      std::optional<Change> change = now.id == then.id ? files_change(then, now) : own_change(then, now);
      if (change) {
        m_cause_of.emplace(after_index, *change);
        Cause& cause = causes[*change];
        cause.change = *change;
        cause.units.push_back(now.label);
      } else {
        followers.push_back(after_index);
      }
    }
    for (size_t unit : followers) {
      std::vector<size_t> chain = chain_to_cause(unit);
      if (chain.empty()) {
        continue;  // cannot happen with consistent plans: a changed id has a changed input
      }
      Follower follower{m_after.units[unit].label, {}};
      for (size_t link : chain) {
        follower.chain.push_back(m_after.units[link].label);
      }
      causes.at(m_cause_of.at(chain.back())).followers.push_back(std::move(follower));
    }
    for (auto& [change, cause] : causes) {
      std::ranges::sort(cause.units);
      std::ranges::sort(cause.followers, {}, &Follower::unit);
      out.causes.push_back(std::move(cause));
    }
    return out;
  }

 private:
  // Units of one match key are paired in plan order; the rest are added or removed.
  void pair_units(Explanation& out) {
    std::map<std::string, std::vector<size_t>> before_by_key;
    for (size_t i = 0; i < m_before.units.size(); ++i) {
      before_by_key[m_before.units[i].match_key].push_back(i);
    }
    std::map<std::string, size_t> taken;
    std::set<size_t> paired_before;
    for (size_t i = 0; i < m_after.units.size(); ++i) {
      auto it = before_by_key.find(m_after.units[i].match_key);
      size_t& next = taken[m_after.units[i].match_key];
      if (it == before_by_key.end() || next >= it->second.size()) {
        out.added.push_back(m_after.units[i].label);
        continue;
      }
      m_counterpart.emplace(i, it->second[next]);
      paired_before.insert(it->second[next++]);
    }
    for (size_t i = 0; i < m_before.units.size(); ++i) {
      if (!paired_before.contains(i)) {
        out.removed.push_back(m_before.units[i].label);
      }
    }
    std::ranges::sort(out.added);
    std::ranges::sort(out.removed);
  }

  // Whether the unit of `after` at `index` has a counterpart and is built anew: its id or its
  // files differ, or a dependency is built anew (the engine's cache misses on its mounts).
  bool changed(size_t index) {
    if (m_changed[index]) {
      return *m_changed[index];
    }
    m_changed[index] = false;  // a cycle, which plans do not have, ends here
    auto counterpart = m_counterpart.find(index);
    if (counterpart == m_counterpart.end()) {
      return false;
    }
    const UnitRecord& then = m_before.units[counterpart->second];
    const UnitRecord& now = m_after.units[index];
    bool moved = then.id != now.id || then.files != now.files;
    for (const auto& [name, id] : now.deps) {
      auto dep = m_after_by_id.find(id);
      moved = (dep != m_after_by_id.end() && changed(dep->second)) || moved;
    }
    m_changed[index] = moved;
    return moved;
  }

  // A path package's files changed under an unchanged id: the engine rebuilds the unit, and
  // every unit that mounts its output.
  static std::optional<Change> files_change(const UnitRecord& then, const UnitRecord& now) {
    if (then.files == now.files) {
      return std::nullopt;
    }
    return Change{"source files of " + now.package, then.files.empty() ? "(not recorded)" : then.files,
                  now.files.empty() ? "(not recorded)" : now.files};
  }

  // The first field of the unit itself that differs, dependencies' ids aside.
  std::optional<Change> own_change(const UnitRecord& then, const UnitRecord& now) const {
    if (m_before.toolchain != m_after.toolchain) {
      return Change{"toolchain", m_before.toolchain, m_after.toolchain};
    }
    if (then.package != now.package) {
      return Change{"version of " + then.package.substr(0, then.package.find('@')), then.package, now.package};
    }
    if (auto change = first_pair_difference(then.source, now.source, "source ", " of " + now.package)) {
      return change;
    }
    if (then.features != now.features) {
      return feature_change(then, now);
    }
    if (auto change = first_pair_difference(then.profile, now.profile, "profile ", "")) {
      return change;
    }
    if (then.platform != now.platform) {
      return Change{"platform of " + now.label, then.platform, now.platform};
    }
    if (auto change = first_masked_difference(then.rustc_args, now.rustc_args, "rustc argument of " + now.label)) {
      return change;
    }
    if (auto change = env_change(then, now)) {
      return change;
    }
    if (auto change = dependency_list_change(then, now)) {
      return change;
    }
    return std::nullopt;
  }

  // The first (key, value) of `now` that `then` lacks or holds otherwise, or the reverse.
  static std::optional<Change> first_pair_difference(const std::vector<std::pair<std::string, std::string>>& then,
                                                     const std::vector<std::pair<std::string, std::string>>& now,
                                                     const std::string& prefix, const std::string& suffix) {
    std::map<std::string, std::string> a(then.begin(), then.end());
    std::map<std::string, std::string> b(now.begin(), now.end());
    std::set<std::string> keys;
    for (const auto* side : {&a, &b}) {
      for (const auto& [key, value] : *side) {
        keys.insert(key);
      }
    }
    for (const auto& key : keys) {
      std::string before = a.contains(key) ? a.at(key) : "(none)";
      std::string after = b.contains(key) ? b.at(key) : "(none)";
      if (before != after) {
        return Change{prefix + key + suffix, before, after};
      }
    }
    return std::nullopt;
  }

  static Change feature_change(const UnitRecord& then, const UnitRecord& now) {
    std::set<std::string> on;
    std::set<std::string> off;
    std::ranges::set_difference(now.features, then.features, std::inserter(on, on.end()));
    std::ranges::set_difference(then.features, now.features, std::inserter(off, off.end()));
    const std::set<std::string>& named = on.empty() ? off : on;
    std::string what = named.size() == 1 ? "feature \"" + *named.begin() + "\"" : "features " + joined(named);
    bool switched_on = !on.empty();
    // By package, not unit: the lib and the build script of one package change together.
    if (!on.empty() && !off.empty()) {
      return Change{"features of " + now.package, joined(then.features), joined(now.features)};
    }
    std::string on_text = "on";
    if (switched_on && on.size() == 1 && now.feature_activators.contains(*on.begin())) {
      on_text += " (by " + now.feature_activators.at(*on.begin()) + ")";
    }
    return Change{what + " of " + now.package, switched_on ? "off" : on_text, switched_on ? on_text : "off"};
  }

  std::optional<Change> first_masked_difference(const std::vector<std::string>& then,
                                                const std::vector<std::string>& now, const std::string& field) const {
    for (size_t i = 0; i < std::max(then.size(), now.size()); ++i) {
      std::string a = i < then.size() ? m_mask(then[i]) : "(none)";
      std::string b = i < now.size() ? m_mask(now[i]) : "(none)";
      if (a != b) {
        return Change{field + " " + std::to_string(i + 1), a, b};
      }
    }
    return std::nullopt;
  }

  std::optional<Change> env_change(const UnitRecord& then, const UnitRecord& now) const {
    std::set<std::string> keys;
    for (const auto* env : {&then.env, &now.env}) {
      for (const auto& [key, value] : *env) {
        keys.insert(key);
      }
    }
    for (const auto& key : keys) {
      auto a = then.env.find(key);
      auto b = now.env.find(key);
      std::string before = a == then.env.end() ? "(unset)" : m_mask(a->second);
      std::string after = b == now.env.end() ? "(unset)" : m_mask(b->second);
      if (before != after) {
        return Change{"environment " + key + " of " + now.label, before, after};
      }
    }
    return std::nullopt;
  }

  // Dependencies by extern name and package: an edge added or removed, or pointing elsewhere.
  std::optional<Change> dependency_list_change(const UnitRecord& then, const UnitRecord& now) const {
    auto names = [](const PlanRecord& plan, const UnitRecord& unit) {
      std::map<std::string, size_t> by_id;
      for (size_t i = 0; i < plan.units.size(); ++i) {
        by_id.emplace(plan.units[i].id, i);
      }
      std::set<std::string> out;
      for (const auto& [name, id] : unit.deps) {
        auto it = by_id.find(id);
        out.insert(name + "=" + (it == by_id.end() ? id : plan.units[it->second].match_key));
      }
      return out;
    };
    std::set<std::string> a = names(m_before, then);
    std::set<std::string> b = names(m_after, now);
    if (a == b) {
      return std::nullopt;
    }
    auto extern_names = [](const UnitRecord& unit) {
      std::set<std::string> out;
      for (const auto& [name, id] : unit.deps) {
        out.insert(name);
      }
      return out;
    };
    return Change{"dependencies of " + now.label, joined(extern_names(then)), joined(extern_names(now))};
  }

  // From a unit whose own fields did not change, through changed dependencies, to a unit whose
  // did: the first such chain in dependency order, or empty if there is none.
  std::vector<size_t> chain_to_cause(size_t unit) {
    std::vector<size_t> chain;
    std::set<size_t> seen{unit};
    size_t at = unit;
    while (!m_cause_of.contains(at)) {
      std::optional<size_t> next = changed_dependency(at, seen);
      if (!next) {
        return {};
      }
      chain.push_back(*next);
      seen.insert(*next);
      at = *next;
    }
    return chain;
  }

  // A dependency of `unit` in `after` whose id changed, preferring one with a cause of its own.
  std::optional<size_t> changed_dependency(size_t unit, const std::set<size_t>& seen) {
    std::optional<size_t> found;
    for (const auto& [name, id] : m_after.units[unit].deps) {
      auto dep = m_after_by_id.find(id);
      if (dep == m_after_by_id.end() || seen.contains(dep->second)) {
        continue;
      }
      if (!changed(dep->second)) {
        continue;
      }
      if (m_cause_of.contains(dep->second)) {
        return dep->second;
      }
      if (!found) {
        found = dep->second;
      }
    }
    return found;
  }

  const PlanRecord& m_before;
  const PlanRecord& m_after;
  IdMask m_mask;
  std::unordered_map<std::string, size_t> m_after_by_id;
  std::map<size_t, size_t> m_counterpart;      // after index → before index
  std::map<size_t, Change> m_cause_of;         // after index → its own change
  std::vector<std::optional<bool>> m_changed;  // by after index, see changed()
};

}  // namespace

Explanation explain_plans(const PlanRecord& before, const PlanRecord& after) {
  return Explainer(before, after).run();
}

}  // namespace recipe::explain
