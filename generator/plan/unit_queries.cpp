#include "generator/plan/unit_queries.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace recipe::plan {

namespace {

// Depth-first; `seen` is by unit index (a flat table: this runs for every compile unit).
void collect_libs(const Unit& unit, const std::vector<Unit>& units, std::vector<bool>& seen, std::vector<size_t>& out) {
  for (const auto& dep : unit.deps) {
    if (units[dep.unit].mode == Mode::build && !seen[dep.unit]) {
      seen[dep.unit] = true;
      out.push_back(dep.unit);
      collect_libs(units[dep.unit], units, seen, out);
    }
  }
}

void collect_link_search(const Unit& unit, const std::vector<Unit>& units, std::set<size_t>& seen) {
  for (const auto& dep : unit.deps) {
    const Unit& d = units[dep.unit];
    if (d.mode != Mode::build || d.package == unit.package || !d.target->is_linkable() || d.target->is_proc_macro()) {
      continue;
    }
    if (const Unit* run = own_build_script_run(d, units)) {
      seen.insert(static_cast<size_t>(run - units.data()));
    }
    collect_link_search(d, units, seen);
  }
}

std::vector<size_t> sorted_by_id(std::vector<size_t> indices, const std::vector<Unit>& units) {
  std::ranges::sort(indices, {}, [&units](size_t i) -> const std::string& { return units[i].id; });
  return indices;
}

}  // namespace

const Unit* own_build_script_run(const Unit& unit, const std::vector<Unit>& units) {
  for (const auto& dep : unit.deps) {
    const Unit& d = units[dep.unit];
    if (d.mode == Mode::run_custom_build && d.package == unit.package) {
      return &d;
    }
  }
  return nullptr;
}

std::vector<size_t> transitive_libs(const Unit& unit, const std::vector<Unit>& units) {
  std::vector<bool> seen(units.size());
  std::vector<size_t> out;
  collect_libs(unit, units, seen, out);
  return sorted_by_id(std::move(out), units);
}

std::vector<size_t> link_search_runs(const Unit& unit, const std::vector<Unit>& units) {
  std::set<size_t> seen;
  collect_link_search(unit, units, seen);
  std::vector<size_t> out;
  const Unit* own = own_build_script_run(unit, units);
  if (own != nullptr) {
    size_t own_index = static_cast<size_t>(own - units.data());
    seen.erase(own_index);
    out.push_back(own_index);
  }
  for (size_t i : sorted_by_id({seen.begin(), seen.end()}, units)) {
    out.push_back(i);
  }
  return out;
}

std::vector<std::pair<size_t, std::string>> links_runs(const Unit& run, const std::vector<Unit>& units) {
  std::vector<std::pair<size_t, std::string>> out;
  for (const auto& dep : run.deps) {
    const Unit& d = units[dep.unit];
    if (d.mode == Mode::run_custom_build && d.package != run.package && d.package->links) {
      out.emplace_back(dep.unit, *d.package->links);
    }
  }
  return out;
}

}  // namespace recipe::plan
