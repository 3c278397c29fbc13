#include "audit/runner/rebuild_reasons.hpp"

#include <algorithm>
#include <map>

namespace recipe::runner {

namespace {

// The 12 hex digits of a unit id that end both a stage name and an explain label.
std::string id_of(const std::string& name) {
  return name.substr(name.rfind(name.find(' ') == std::string::npos ? '-' : ' ') + 1);
}

std::string describe(const explain::Change& change) {
  return change.field + " changed (" + change.before + " -> " + change.after + ")";
}

}  // namespace

std::vector<RebuildReason> rebuild_reasons(const BuildStatus& status, const explain::Explanation& explanation) {
  std::map<std::string, std::string> why;  // id → reason
  for (const auto& cause : explanation.causes) {
    for (const auto& unit : cause.units) {
      why[id_of(unit)] = describe(cause.change);
    }
    for (const auto& follower : cause.followers) {
      size_t between = follower.chain.size() - 1;
      why[id_of(follower.unit)] =
          "follows " + follower.chain.back() +
          (between == 0 ? "" : " (through " + std::to_string(between) + (between == 1 ? " unit)" : " units)")) +
          ", whose " + describe(cause.change);
    }
  }
  for (const auto& added : explanation.added) {
    why[id_of(added)] = "new: the previous build had no such unit";
  }
  std::vector<RebuildReason> out;
  for (const auto& [stage, unit] : status.units()) {
    if (unit.state != UnitState::built) {
      continue;
    }
    auto found = why.find(id_of(stage));
    out.push_back({unit.unit.title, found != why.end() ? found->second
                                                       : "inputs as in the previous build: the engine's cache no "
                                                         "longer held it (pruned, or --no-cache)"});
  }
  std::ranges::sort(out, {}, &RebuildReason::unit);
  return out;
}

std::string render_rebuild_reasons(const std::vector<RebuildReason>& reasons) {
  std::string out = "explain: " + std::to_string(reasons.size()) + (reasons.size() == 1 ? " unit" : " units") +
                    " built, against the previous build:\n";
  for (const auto& reason : reasons) {
    out += "  " + reason.unit + ": " + reason.reason + "\n";
  }
  return out;
}

}  // namespace recipe::runner
