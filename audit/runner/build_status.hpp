#pragma once

#include <map>
#include <string>
#include <vector>

#include "audit/runner/progress_events.hpp"
#include "audit/runner/recipe_units.hpp"

namespace recipe::runner {

enum class UnitState { waiting, running, built, cached, failed };

// One unit's progress in a build.
struct UnitStatus {
  RecipeUnit unit;
  UnitState state = UnitState::waiting;
  double started = 0.0;  // seconds since the build began, when it started
  double seconds = 0.0;  // built or failed: how long it ran
};

// The longest chain of units, each waiting for the one before, weighted by their build times.
struct CriticalPath {
  double seconds = 0.0;
  std::vector<std::string> stages;  // the units of the chain that ran, first built first
};

// What a build has done so far, unit by unit: the model the progress renderers draw. Times are
// seconds since the build began, given by the caller (no clock inside).
class BuildStatus {
 public:
  // The units the build runs (read_recipe_units), all waiting.
  explicit BuildStatus(const std::map<std::string, RecipeUnit>& units);

  // Apply `event`, seen at `now`. Returns the unit it changed, or nullptr when the stage runs no
  // unit of the build (base, sources, outputs) or its unit is finished (built or cached: a retry
  // does not take that back). A cancelled unit is waiting again.
  const UnitStatus* apply(const StageEvent& event, double now);

  size_t total() const { return m_units.size(); }
  size_t built() const { return count(UnitState::built); }
  size_t cached() const { return count(UnitState::cached); }
  size_t failed() const { return count(UnitState::failed); }
  // Units built or cached.
  size_t done() const { return built() + cached(); }
  // The running units, first started first (ties by stage).
  std::vector<const UnitStatus*> running() const;
  // The `n` built units that took longest, longest first (ties by stage).
  std::vector<const UnitStatus*> slowest(size_t n) const;
  // The critical path over the units' dependencies; cached and unfinished units weigh nothing.
  CriticalPath critical_path() const;
  // Seconds left at `now`, from the pace so far over the units left; negative when nothing is done.
  double eta(double now) const;
  const std::map<std::string, UnitStatus>& units() const { return m_units; }

 private:
  size_t count(UnitState state) const;

  std::map<std::string, UnitStatus> m_units;  // by stage
};

}  // namespace recipe::runner
