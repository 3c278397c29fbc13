#include "audit/runner/build_status.hpp"

#include <algorithm>
#include <tuple>

namespace recipe::runner {

namespace {

// Whether chain `a` outweighs `b`: more seconds, then more units.
bool heavier(const CriticalPath& a, const CriticalPath& b) {
  return a.seconds > b.seconds || (a.seconds == b.seconds && a.stages.size() > b.stages.size());
}

// The heaviest chain ending at `stage`, memoised in `best`. A stage in progress there reads as an
// empty chain: a cycle (a crafted recipe) ends the chain instead of recursing forever.
const CriticalPath& heaviest_chain(const std::map<std::string, UnitStatus>& units, const std::string& stage,
                                   std::map<std::string, CriticalPath>& best) {
  auto [found, inserted] = best.try_emplace(stage);
  if (!inserted) {
    return found->second;
  }
  const UnitStatus& status = units.at(stage);
  CriticalPath longest;
  for (const auto& dep : status.unit.deps) {
    if (units.contains(dep)) {
      const CriticalPath& before = heaviest_chain(units, dep, best);
      if (heavier(before, longest)) {
        longest = before;
      }
    }
  }
  bool ran = status.state == UnitState::built || status.state == UnitState::failed;
  if (ran) {
    longest.seconds += status.seconds;
    longest.stages.push_back(stage);
  }
  return best[stage] = longest;
}

}  // namespace

BuildStatus::BuildStatus(const std::map<std::string, RecipeUnit>& units) {
  for (const auto& [stage, unit] : units) {
    m_units[stage].unit = unit;
  }
}

const UnitStatus* BuildStatus::apply(const StageEvent& event, double now) {
  auto found = m_units.find(event.stage);
  if (found == m_units.end()) {
    return nullptr;
  }
  UnitStatus& status = found->second;
  if (status.state == UnitState::built || status.state == UnitState::cached) {
    return nullptr;  // finished units stay: a retry's CACHED or start says nothing new of them
  }
  switch (event.kind) {
    case StageEventKind::started:
      status.state = UnitState::running;
      status.started = now;
      break;
    case StageEventKind::cached:
      status.state = UnitState::cached;
      break;
    case StageEventKind::done:
      status.state = UnitState::built;
      // BuildKit times the step itself; buildah says nothing, so the stage's time on the clock.
      status.seconds = event.seconds > 0 ? event.seconds : now - status.started;
      break;
    case StageEventKind::failed:
      status.state = UnitState::failed;
      status.seconds = now - status.started;
      break;
    case StageEventKind::cancelled:
      status.state = UnitState::waiting;  // stopped for another's failure: it did not run to its end
      break;
  }
  return &status;
}

size_t BuildStatus::count(UnitState state) const {
  return static_cast<size_t>(
      std::ranges::count_if(m_units, [state](const auto& entry) { return entry.second.state == state; }));
}

std::vector<const UnitStatus*> BuildStatus::running() const {
  std::vector<const UnitStatus*> out;
  for (const auto& [stage, status] : m_units) {
    if (status.state == UnitState::running) {
      out.push_back(&status);
    }
  }
  std::ranges::sort(out, {}, [](const UnitStatus* s) { return std::tie(s->started, s->unit.stage); });
  return out;
}

std::vector<const UnitStatus*> BuildStatus::slowest(size_t n) const {
  std::vector<const UnitStatus*> out;
  for (const auto& [stage, status] : m_units) {
    if (status.state == UnitState::built) {
      out.push_back(&status);
    }
  }
  std::ranges::sort(out, [](const UnitStatus* a, const UnitStatus* b) {
    return std::make_tuple(-a->seconds, a->unit.stage) < std::make_tuple(-b->seconds, b->unit.stage);
  });
  out.resize(std::min(n, out.size()));
  return out;
}

CriticalPath BuildStatus::critical_path() const {
  std::map<std::string, CriticalPath> best;
  CriticalPath longest;
  for (const auto& [stage, status] : m_units) {
    const CriticalPath& chain = heaviest_chain(m_units, stage, best);
    if (heavier(chain, longest)) {
      longest = chain;
    }
  }
  return longest;
}

double BuildStatus::eta(double now) const {
  size_t finished = done();
  if (finished == 0) {
    return -1.0;
  }
  return now * static_cast<double>(total() - finished) / static_cast<double>(finished);
}

}  // namespace recipe::runner
