#include "generator/pipeline/request_paths.hpp"

#include "generator/cargo/validate.hpp"
#include "generator/pipeline/recipe_header.hpp"
#include "generator/support/error.hpp"
#include "generator/support/printable.hpp"

namespace recipe::pipeline {

namespace fs = std::filesystem;

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

void check_request_paths(const GenerateRequest& request, const fs::path& root, const std::string& label) {
  if (request.load.manifest_path) {
    confined_header_path(root, *request.load.manifest_path, "manifest_path", label);
  }
  if (request.install && request.install->path) {
    confined_header_path(root, *request.install->path, "path", label);
  }
}

GenerateRequest replan_request(std::string_view recipe, const fs::path& root, const std::string& label) {
  GenerateRequest request = read_request(recipe, label);
  check_request_paths(request, root, label);
  request.load.offline = true;
  request.load.locked = true;
  return request;
}

}  // namespace recipe::pipeline
