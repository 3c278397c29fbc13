#pragma once

#include <optional>
#include <string>
#include <string_view>

// The build-time helper (generator/emit/recipe-helper.sh) travels as a file of its own: written
// beside the recipe, copied from the build context by a stage named after its hash, and checked
// against that hash in the image. So a reviewer reads it as a file and an edit to it changes
// one line of it, plus the three lines of each recipe that name its hash.
namespace recipe::emit {

// The helper's name beside the recipe.
inline constexpr const char* k_helper_file_name = "recipe-helper.sh";
// Where the build context holds it: the folder recipes are committed in, whatever folder the
// recipe itself is in, so that `docker build -f recipes/R .` at the workspace root finds it.
inline constexpr const char* k_helper_context_path = "recipes/recipe-helper.sh";
// Its stage is this prefix and the first 12 hex digits of its SHA-256.
inline constexpr std::string_view k_helper_stage_prefix = "recipe-helper-";

// A helper's text and the hash recipes name it by.
struct Helper {
  std::string text;
  std::string sha256;  // 64 lowercase hex digits, as sha256sum prints them

  // The stage that copies it from the build context: recipe-helper-<12 hex of sha256>.
  std::string stage() const;
};

// `text` as a helper. Throws Error if SHA-256 is unavailable.
Helper make_helper(std::string text);

// The helper this generator writes.
const Helper& builtin_helper();

// The 12 hex digits of the helper `recipe` copies, read from its helper stage's FROM line;
// nullopt for a recipe that copies none.
std::optional<std::string> copied_helper_hash(std::string_view recipe);

}  // namespace recipe::emit
