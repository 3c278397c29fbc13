#include "audit/runner/helper_context.hpp"

#include "generator/emit/helper_file.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::runner {

namespace fs = std::filesystem;

void stage_helper(std::string_view recipe, const fs::path& recipe_path, const fs::path& staging) {
  std::optional<std::string> named = emit::copied_helper_hash(recipe);
  if (!named) {
    return;
  }
  const fs::path file = recipe_path.parent_path() / emit::k_helper_file_name;
  const std::string label = file.string();
  // The fix is the same either way: regenerating writes the helper beside the recipe.
  const std::string fix = "regenerate with the command its \"# cargo-recipe-command:\" line shows";
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    throw InputError(label + ": missing: " + recipe_path.string() + " copies this helper into its base stage (" + fix +
                     ")");
  }
  emit::Helper helper = emit::make_helper(read_file(file));
  const std::string copied = std::string(emit::k_helper_stage_prefix) + *named;
  if (helper.stage() != copied) {
    throw InputError(label + ": not the helper " + recipe_path.string() + " was generated with (its stage is " +
                     helper.stage() + ", the recipe copies " + copied + "; " + fix + ")");
  }
  AtomicFile staged(staging / emit::k_helper_context_path);
  staged.write(helper.text);
  staged.commit();
}

}  // namespace recipe::runner
