#include "cli/recipe_context.hpp"

#include "generator/cargo/validate.hpp"
#include "generator/pipeline/recipe_header.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "generator/support/printable.hpp"

namespace recipe::cli {

namespace fs = std::filesystem;

fs::path command_root(const fs::path& recipe) {
  fs::path folder = fs::absolute(recipe).parent_path();
  return folder.filename() == "recipes" ? folder.parent_path() : fs::current_path();
}

fs::path confined_header_path(const fs::path& root, const std::string& path, const std::string& key,
                              const std::string& label) {
  auto refuse = [&](const std::string& problem) {
    throw InputError(label + ": header field \"" + key + "\": " + quote_value(path) + " " + problem +
                     " (a recipe names only paths inside its repository, the folder holding its recipes/)");
  };
  if (std::string problem = cargo::relative_path_problem(path); !problem.empty()) {
    refuse(problem);
  }
  std::error_code ec;
  fs::path canonical_root = fs::weakly_canonical(fs::absolute(root), ec);
  fs::path resolved = fs::weakly_canonical(fs::absolute(root) / path, ec);
  fs::path relative = resolved.lexically_relative(canonical_root);
  if (ec || relative.empty() || *relative.begin() == "..") {
    refuse("resolves outside " + canonical_root.string());
  }
  return (root / path).lexically_normal();
}

void check_request_paths(const pipeline::GenerateRequest& request, const fs::path& root, const std::string& label) {
  if (request.load.manifest_path) {
    confined_header_path(root, *request.load.manifest_path, "manifest_path", label);
  }
  if (request.install && request.install->path) {
    confined_header_path(root, *request.install->path, "path", label);
  }
}

RecipeContext recipe_context(const fs::path& recipe) {
  const std::string label = recipe.string();
  pipeline::GenerateRequest request = pipeline::read_request(read_file(recipe), label);
  fs::path root = command_root(recipe);
  check_request_paths(request, root, label);
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
