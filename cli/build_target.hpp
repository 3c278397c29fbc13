#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace recipe::cli {

// Where a build goes: a folder of files (the binaries stage), or an image in the engine's store.
struct BuildTarget {
  std::string stage;
  std::optional<std::string> image;  // set: load the stage as this image instead of exporting files
};

// The target of `build --target STAGE [--tag NAME]` of the recipe at `recipe_path` (text `recipe`):
// the runtime stage is always an image, named `tag` or cargo-recipe-runtime/STEM:latest after the
// recipe's file name. Throws InputError when the recipe has no such stage (saying why, when the
// recipe does) or `tag` is not an image name docker accepts.
BuildTarget build_target(std::string_view recipe, const std::string& recipe_path, const std::string& stage,
                         const std::string& tag);

}  // namespace recipe::cli
