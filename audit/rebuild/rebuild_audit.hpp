#pragma once

#include <string>

#include "audit/report/report.hpp"
#include "audit/runner/audit_runs.hpp"

namespace recipe::rebuild {

struct RebuildOptions {
  runner::AuditRunOptions runs;
  unsigned jobs = 2;             // threads hashing snapshots
  bool strict_metadata = false;  // mtime/mode/owner differences fail too
  std::string diffoscope_dir;    // hand differing files to diffoscope, outputs here
};

// Rebuild one recipe several times and say, stage by stage, whether its outputs are the same,
// which units diverged first (same inputs, different outputs), which only inherited a
// divergence, and why. Appends cases and runs to `report`; marks it incomplete when a build
// failed or the engine died.
void audit_rebuild(const RebuildOptions& opts, ProcessRunner& processes, report::Report& report);

}  // namespace recipe::rebuild
