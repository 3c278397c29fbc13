#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "generator/support/process.hpp"

namespace recipe::runner {

// The variations an audit can apply between runs (`--vary`), all on by default.
inline const std::set<std::string> k_variations = {"context-path", "source-date-epoch", "env-noise", "umask"};

struct AuditRunOptions {
  std::string recipe;
  std::string context = ".";
  std::optional<std::string> vendor;
  int runs = 3;
  std::vector<std::string> runners = {""};  // engines to alternate ("docker", "buildah", "" = find)
  std::vector<std::string> builders;        // DOCKER_HOST values to alternate (two daemons)
  std::set<std::string> vary = k_variations;
  std::string scratch;        // where the run tars go
  size_t stages_per_run = 0;  // unit stages of the recipe, for progress
};

// What one run was: enough to repeat it by hand.
struct RunRecord {
  int index = 0;
  std::string engine;
  std::string base_image_id;
  std::string command;
  std::map<std::string, std::string> variation;
  std::string tar;  // every unit's outputs (the recipe's `outputs` stage)
  double seconds = 0;
  int exit_code = 0;
  std::string failure;  // why the run failed, "" when it built
  bool engine_died = false;
};

// Build the recipe's `outputs` stage `runs` times, each with a fresh cache salt (so every unit
// step runs again while context sources stay cached), varying what `vary` names, alternating
// runners and builders. Stops at the first failed run, which is returned with its exit code, why
// it failed, and whether the engine died. Throws EngineError when no engine answers at all,
// InputError when the recipe cannot be read or a source it copies is in neither the context nor
// the vendor folder.
std::vector<RunRecord> run_audit_builds(const AuditRunOptions& opts, ProcessRunner& processes);

}  // namespace recipe::runner
