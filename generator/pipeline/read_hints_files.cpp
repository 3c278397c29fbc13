#include "generator/pipeline/read_hints_files.hpp"

#include "generator/support/atomic_file.hpp"

namespace recipe::pipeline {

std::vector<hints::HintsFileText> read_hints_files(const hints::HintOptions& options) {
  std::vector<hints::HintsFileText> files;
  for (const auto& path : options.files) {
    files.push_back({path, read_file(path)});
  }
  return files;
}

hints::HintSet load_hints(const hints::HintOptions& options, const model::Workspace* workspace) {
  return hints::collect_hints(options, read_hints_files(options), workspace);
}

}  // namespace recipe::pipeline
