#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "generator/pipeline/generate.hpp"

namespace recipe::regenerate {

// What the audit runs under each perturbation: the real generator, or in tests a copy with a
// non-determinism injected.
using Generator = std::function<std::string(const pipeline::GenerateRequest&, const pipeline::GenerateHooks&)>;

// One deliberate change to how a recipe is generated that must not change a byte of it.
struct Perturbation {
  std::string name;
  std::string description;
  // Generate under the perturbation; `seed` varies from run to run. Restores the process state
  // (environment, locale, working directory) before returning, also on failure.
  std::function<std::string(const pipeline::GenerateRequest&, const Generator&, uint32_t seed)> generate;
};

// Every perturbation, in report order: repeat, shuffled-metadata, reordered-packages,
// moved-workspace, working-directory, locale-timezone, environment-noise.
std::vector<Perturbation> all_perturbations();

// `request` with every path it names made absolute (from the current directory), so that it means
// the same after a change of directory.
pipeline::GenerateRequest with_absolute_paths(pipeline::GenerateRequest request);

// Shuffle the object keys and the order-free arrays of cargo metadata JSON (packages, targets,
// dependencies, resolve nodes...), keeping the arrays whose order means something (crate types,
// authors). Deterministic for a given `seed`.
std::string shuffle_metadata(const std::string& json, uint32_t seed);

}  // namespace recipe::regenerate
