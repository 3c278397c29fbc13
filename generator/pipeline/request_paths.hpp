#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "generator/pipeline/generate_request.hpp"

// A committed recipe's header names the manifest `audit generate` reads and the folder `build`
// stages from; the recipe may come from a stranger's pull request.
namespace recipe::pipeline {

// `path`, recorded under `key` in the header of the recipe `label`, as a path below `root`: a
// committed recipe may name only the repository's own files. Throws InputError "label: header
// field "key": ..." when `path` is absolute, has a ".." component or a control character, or
// resolves (through any symlink) outside `root`.
std::filesystem::path confined_header_path(const std::filesystem::path& root, const std::string& path,
                                           const std::string& key, const std::string& label);

// Check the paths of `request`, read from the header of the recipe `label`, that name what it is
// built from (`manifest_path`, the install `path`): each must stay below `root`
// (confined_header_path). Throws InputError otherwise.
void check_request_paths(const GenerateRequest& request, const std::filesystem::path& root, const std::string& label);

// The request recorded in the header of the recipe `label` (text `recipe`), for planning it again
// on this machine (build --explain): its paths checked below `root` first (check_request_paths),
// and cargo metadata told --offline --locked, so a recipe from a stranger neither fetches nor
// rewrites a Cargo.lock. Throws InputError when the header cannot be read or its paths leave `root`.
GenerateRequest replan_request(std::string_view recipe, const std::filesystem::path& root, const std::string& label);

}  // namespace recipe::pipeline
