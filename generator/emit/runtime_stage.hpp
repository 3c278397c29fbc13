#pragma once

#include <string>
#include <vector>

#include "generator/emit/recipe_inputs.hpp"

namespace recipe::emit {

// A binary of the recipe as the runtime image takes it.
struct RuntimeBinary {
  std::string name;          // its file name in the image's /usr/local/bin
  std::string output_stage;  // the scratch stage that holds it
  std::string artifact;      // its path in that stage
  std::string linked_on;     // the stage it was linked on: the base, or the stage of its system packages
};

// Where the runtime image keeps the binaries.
inline constexpr const char* k_runtime_bin_dir = "/usr/local/bin";

// The stages of a runtime image for `bins`: one per stage they were linked on, which lists the
// Debian packages holding the shared libraries the binaries name as NEEDED (at the versions linked
// against), then `runtime`: `inputs.runtime_base`, those of the packages it lacks, the binaries.
// A statically linked binary needs none, and the build log says so. "" (with a comment saying why)
// when no image can run them: no binaries, a distro other than Debian, or binaries for another
// target than the host. Throws InputError for a runtime base or name that cannot be written safely.
std::string runtime_stages(const RecipeInputs& inputs, const std::vector<RuntimeBinary>& bins);

}  // namespace recipe::emit
