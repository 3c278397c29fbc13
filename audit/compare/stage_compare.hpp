#pragma once

#include <map>
#include <string>
#include <vector>

#include "audit/compare/recipe_stages.hpp"
#include "audit/snapshot/snapshot.hpp"

namespace recipe::compare {

// One run's outputs: for each unit id, the entries under /recipe/units/<id>/.
using RunOutputs = std::map<std::string, std::vector<snapshot::Entry>>;

enum class OutputStatus { identical, metadata_only, content_differs, missing };
enum class Role { reproducible, first_divergent, propagated };

const char* to_string(OutputStatus status);
const char* to_string(Role role);

// One file that differs between the first run and another.
struct FileDifference {
  std::string path;   // relative to the unit folder
  std::string what;   // "content", "mtime", "mode", "owner", "type", "link", "missing", "extra"
  std::string first;  // the value in the first run (hash, mtime...), "" when absent
  std::string other;  // the value in the other run
};

struct StageResult {
  const UnitStage* stage = nullptr;
  OutputStatus status = OutputStatus::identical;
  Role role = Role::reproducible;
  bool same_inputs = true;                  // our stage key is the same in every run
  std::vector<std::string> output_digests;  // per run: content of the outputs
  std::vector<std::string> stage_keys;      // per run: stage text + the inputs' output digests
  int differing_run = -1;                   // first run whose outputs differ from run 0
  std::vector<FileDifference> differences;  // run 0 against differing_run
};

// Compare the outputs of every stage across `runs` (at least one), one result per stage in the
// order of `stages`. A stage whose outputs differ in content, or are missing from a run,
// although its stage key (its text and its inputs' output contents, metadata apart) is the same
// in every run is first divergent; one whose inputs already differed is propagated. Each
// stage's key is computed from the runs themselves, so the result does not depend on the order
// of `stages`.
std::vector<StageResult> compare_runs(const std::vector<UnitStage>& stages, const std::vector<RunOutputs>& runs);

}  // namespace recipe::compare
