#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace recipe::explain {

// What a plan records about one unit, in the terms `explain` compares: every field that reaches
// the unit id, labelled, and the ids of the units it depends on.
struct UnitRecord {
  std::string id;       // 32 hex digits
  std::string package;  // name@version
  std::string label;    // "lib serde@1.0.152 serde (host)": what a reader calls the unit
  // Pairs a unit with its counterpart in another plan: the package name (not its version),
  // target kind and name, mode, side and platform; several units may share one.
  std::string match_key;
  // The package's source as the plan records it: (kind, registry), (checksum, …), (path, core),
  // (url, …), (rev, …).
  std::vector<std::pair<std::string, std::string>> source;
  // For a path package, the digest of its files when the plan recorded one: not part of the id
  // (the engine's copy of the files decides), yet a change to it rebuilds the unit.
  std::string files;
  std::set<std::string> features;
  // For a plan made in this run (not read from a file): what switched each feature on, one step
  // up, as plan::feature_activators says.
  std::map<std::string, std::string> feature_activators;
  std::vector<std::pair<std::string, std::string>> profile;  // (setting, value), in a fixed order
  std::string platform;                                      // target triple, or empty for the host
  std::vector<std::string> rustc_args;                       // compile units only
  std::map<std::string, std::string> env;
  std::vector<std::pair<std::string, std::string>> deps;  // (extern crate name, unit id)
};

// A plan as `explain` reads it: the toolchain and every unit.
struct PlanRecord {
  std::string toolchain;  // "rustc 1.63.0 (x86_64-unknown-linux-gnu)"
  std::vector<UnitRecord> units;
};

// Read the output of `plan --format json` (schema cargo-recipe/plan/1). Pure. Throws InputError
// "origin:line:col: …" for text that is not such a plan.
PlanRecord read_plan_record(std::string_view json, const std::string& origin);

}  // namespace recipe::explain
