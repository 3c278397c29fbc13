#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/regenerate/perturbations.hpp"
#include "audit/report/report.hpp"
#include "generator/support/process.hpp"

namespace recipe::regenerate {

struct AuditOptions {
  int runs = 1;  // rounds of every perturbation, each with its own seed
  uint32_t seed = 1;
  std::vector<std::string> perturbations;  // names; empty: all
};

// Generate `request` once as the baseline, then under every perturbation `runs` times, and
// compare byte for byte. One case per perturbation and run, named "NAME" or "NAME#RUN".
// A perturbation that fails to generate at all is an error case naming why.
std::vector<report::Case> audit_regeneration(const std::string& recipe, const pipeline::GenerateRequest& request,
                                             const Generator& generate, const AuditOptions& opts);

// Regenerate `request` and compare with the committed `text` of `recipe`: the drift gate.
report::Case check_recipe(const std::string& recipe, const std::string& text, const pipeline::GenerateRequest& request,
                          const Generator& generate);

// Compare the helper file at `path` (its `text`, nullopt when missing) with the one the generator
// writes beside every recipe: the drift gate of the helper.
report::Case check_helper(const std::string& path, const std::optional<std::string>& text);

// The real generator, running what it needs (cargo metadata, rustc, git) through `processes`,
// which must outlive the generator.
Generator real_generator(ProcessRunner& processes);

}  // namespace recipe::regenerate
