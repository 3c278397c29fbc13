#pragma once

#include <filesystem>
#include <string_view>

namespace recipe::runner {

// Put the build-time helper that `recipe` copies (emit/helper_file.hpp) into `staging`, from the
// recipe-helper.sh beside `recipe_path`; nothing for a recipe that copies none. Throws InputError
// naming that file when it is missing or is not the helper the recipe names, with the fix.
void stage_helper(std::string_view recipe, const std::filesystem::path& recipe_path,
                  const std::filesystem::path& staging);

}  // namespace recipe::runner
