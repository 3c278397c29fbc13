#include "cli/recipe_context.hpp"

#include "generator/pipeline/recipe_header.hpp"
#include "generator/pipeline/request_paths.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::cli {

namespace fs = std::filesystem;

fs::path command_root(const fs::path& recipe) {
  fs::path folder = fs::absolute(recipe).parent_path();
  return folder.filename() == "recipes" ? folder.parent_path() : fs::current_path();
}

RecipeContext recipe_context(const fs::path& recipe) {
  const std::string label = recipe.string();
  pipeline::GenerateRequest request = pipeline::read_request(read_file(recipe), label);
  fs::path root = command_root(recipe);
  pipeline::check_request_paths(request, root, label);
  auto from_root = [&root](const std::string& path) { return (root / path).lexically_normal().string(); };
  RecipeContext out;
  if (request.install && request.install->path) {
    out.context = from_root(*request.install->path);
  } else if (request.load.manifest_path) {
    out.context = from_root(fs::path(*request.load.manifest_path).parent_path().string());
  } else {
    out.context = root.string();
  }
  if (request.sources.starts_with("vendor=")) {
    out.vendor = from_root(request.sources.substr(7));
  }
  return out;
}

}  // namespace recipe::cli
