#pragma once

#include <filesystem>
#include <string>

namespace recipe::cli {

// What a committed recipe builds from, read from the command its header records.
struct RecipeContext {
  std::string context;  // the folder path packages are copied from: of --manifest-path or --path
  std::string vendor;   // --sources vendor=DIR, "" for registry sources
};

// The folder a recipe's recorded command ran in: the one holding recipes/, else the working
// directory. Relative paths in the command mean what they meant there.
std::filesystem::path command_root(const std::filesystem::path& recipe);

// The build context and vendor folder `recipe` needs, from its header, as paths usable from here.
// Throws InputError naming the recipe when it has no readable recorded command, or when its
// paths leave the recipe's root (pipeline::check_request_paths).
RecipeContext recipe_context(const std::filesystem::path& recipe);

}  // namespace recipe::cli
