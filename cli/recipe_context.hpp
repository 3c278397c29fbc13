#pragma once

#include <filesystem>
#include <string>

#include "generator/pipeline/generate_request.hpp"

namespace recipe::cli {

// What a committed recipe builds from, read from the command its header records.
struct RecipeContext {
  std::string context;  // the folder path packages are copied from: of --manifest-path or --path
  std::string vendor;   // --sources vendor=DIR, "" for registry sources
};

// The folder a recipe's recorded command ran in: the one holding recipes/, else the working
// directory. Relative paths in the command mean what they meant there.
std::filesystem::path command_root(const std::filesystem::path& recipe);

// `path`, recorded under `key` in the header of the recipe `label`, as a path below `root`: a
// committed recipe may name only the repository's own files. Throws InputError "label: header
// field "key": ..." when `path` is absolute, has a ".." component or a control character, or
// resolves (through any symlink) outside `root`.
std::filesystem::path confined_header_path(const std::filesystem::path& root, const std::string& path,
                                           const std::string& key, const std::string& label);

// Check the paths of `request`, read from the header of the recipe `label`, that name what it is
// built from (`manifest_path`, the install `path`): each must stay below `root`
// (confined_header_path). Throws InputError otherwise.
void check_request_paths(const pipeline::GenerateRequest& request, const std::filesystem::path& root,
                         const std::string& label);

// The build context and vendor folder `recipe` needs, from its header, as paths usable from here.
// Throws InputError naming the recipe when it has no readable recorded command, or when its
// paths leave the recipe's root (check_request_paths).
RecipeContext recipe_context(const std::filesystem::path& recipe);

}  // namespace recipe::cli
