#pragma once

#include <vector>

#include "generator/hints/collect.hpp"

namespace recipe::pipeline {

// Read every file `options.files` names, in order. Throws InputError naming a file that cannot be read.
std::vector<hints::HintsFileText> read_hints_files(const hints::HintOptions& options);

// The hints of one generation: collect_hints over the files `options` names.
hints::HintSet load_hints(const hints::HintOptions& options, const model::Workspace* workspace);

}  // namespace recipe::pipeline
