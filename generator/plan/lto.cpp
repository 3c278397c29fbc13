#include "generator/plan/lto.hpp"

#include <algorithm>
#include <optional>

namespace recipe::plan {

namespace {

// Crate types whose link step can run LTO (cargo's CrateType::can_lto).
bool can_lto(const std::string& crate_type) {
  return crate_type == "bin" || crate_type == "staticlib" || crate_type == "cdylib";
}

// Crate types that are shared objects (cargo's CrateType::is_dynamic).
bool is_dynamic(const std::string& crate_type) {
  return crate_type == "dylib" || crate_type == "cdylib" || crate_type == "proc-macro";
}

bool needs_object(const std::vector<std::string>& crate_types) {
  return std::ranges::any_of(crate_types, [](const std::string& t) { return can_lto(t) || is_dynamic(t); });
}

// What a unit that must carry object code needs when its parent runs LTO: a dylib alone cannot
// take part (rustc has no LTO for dylibs), anything mixed needs bitcode for its rlib side too.
Lto when_needs_object(const std::vector<std::string>& crate_types) {
  bool all_dylib = std::ranges::all_of(crate_types, [](const std::string& t) { return t == "dylib"; });
  return all_dylib ? Lto::only_object : Lto::object_and_bitcode;
}

bool for_host(const Unit& unit) {
  return unit.target->is_custom_build() || unit.target->is_proc_macro();
}

// The setting of a root unit before its dependencies are walked (cargo's lto::generate).
Lto root_lto(const Unit& unit) {
  const std::string& lto = unit.profile.lto;
  if (lto == "false") {
    return Lto::only_object;
  }
  if (lto == "off") {
    return Lto::off;
  }
  if (for_host(unit)) {
    return Lto::only_object;
  }
  const auto& types = unit.target->crate_types;
  return needs_object(types) ? when_needs_object(types) : Lto::only_bitcode;
}

// Two requirements met at once by one unit reached on two paths (cargo's merge in calculate).
Lto merge(Lto now, Lto before) {
  if (now == before) {
    return now;
  }
  if (now == Lto::run || before == Lto::run) {
    return Lto::run;
  }
  if (now == Lto::off || before == Lto::off) {
    return Lto::off;
  }
  return Lto::object_and_bitcode;  // one needs objects, the other bitcode, or one already both
}

class LtoWalk {
 public:
  explicit LtoWalk(std::vector<Unit>& units) : m_units(units), m_seen(units.size()) {}

  void walk(size_t index, Lto parent) {
    Lto lto = own_lto(m_units[index], parent);
    std::optional<Lto>& seen = m_seen[index];
    if (seen) {
      Lto merged = merge(lto, *seen);
      if (merged == *seen) {
        return;  // nothing new for the dependencies
      }
      lto = merged;
    }
    seen = lto;
    m_units[index].lto = lto;
    for (size_t d = 0; d < m_units[index].deps.size(); ++d) {
      walk(m_units[index].deps[d].unit, lto);
    }
  }

  void finish() {
    for (size_t i = 0; i < m_units.size(); ++i) {
      if (!m_seen[i]) {
        m_units[i].lto = Lto::only_object;  // not reachable from a root: cargo builds no such unit
      }
    }
  }

 private:
  // What the unit itself needs given its parent's requirement (cargo's calculate).
  static Lto own_lto(const Unit& unit, Lto parent) {
    if (for_host(unit)) {
      return Lto::only_object;  // LTO of compiler plugins and build scripts is not wanted
    }
    // Test units would count as bins; plans have none. A build-script run is host code above.
    const auto& types = unit.target->crate_types;
    if (std::ranges::all_of(types, can_lto)) {
      // A final artifact: its own profile decides, whatever the parent needs.
      const std::string& lto = unit.profile.lto;
      return lto == "false" ? Lto::only_object : lto == "off" ? Lto::off : Lto::run;
    }
    bool object = needs_object(types);
    switch (parent) {
      case Lto::run:
        return object ? when_needs_object(types) : Lto::only_bitcode;
      case Lto::only_bitcode:
        return object ? when_needs_object(types) : parent;
      case Lto::off:
        return Lto::off;
      case Lto::only_object:
      case Lto::object_and_bitcode:
        return parent;
    }
    return parent;
  }

  std::vector<Unit>& m_units;
  std::vector<std::optional<Lto>> m_seen;
};

}  // namespace

void decide_lto(std::vector<Unit>& units, const std::vector<size_t>& roots) {
  LtoWalk walk(units);
  for (size_t root : roots) {
    walk.walk(root, root_lto(units[root]));
  }
  walk.finish();
}

std::vector<std::string> lto_flags(const Unit& unit) {
  switch (unit.lto) {
    case Lto::run:
      return {"-C", unit.profile.lto == "true" ? "lto" : "lto=" + unit.profile.lto};
    case Lto::off:
      return {"-C", "lto=off", "-C", "embed-bitcode=no"};
    case Lto::object_and_bitcode:
      return {};  // rustc's default
    case Lto::only_bitcode:
      return {"-C", "linker-plugin-lto"};
    case Lto::only_object:
      return {"-C", "embed-bitcode=no"};
  }
  return {};
}

}  // namespace recipe::plan
