#include "cli/build_target.hpp"

#include <filesystem>

#include <re2/re2.h>

#include "generator/emit/recipe_inputs.hpp"
#include "generator/support/error.hpp"
#include "generator/support/printable.hpp"

namespace recipe::cli {

namespace {

// A local image name: lowercase path components, and an optional tag.
const RE2 k_image_name(
    R"([a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?)");

// cargo-recipe-runtime/STEM:latest, STEM the recipe's file name without .Dockerfile, lowercase,
// every other character than [a-z0-9] a '-'.
std::string default_image(const std::string& recipe_path) {
  std::string stem = std::filesystem::path(recipe_path).filename().string();
  if (stem.ends_with(".Dockerfile")) {
    stem.resize(stem.size() - std::string_view(".Dockerfile").size());
  }
  std::string name;
  for (char c : stem) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    char out = keep || (c >= 'A' && c <= 'Z') ? lower : '-';
    if (out != '-' || (!name.empty() && name.back() != '-')) {
      name += out;
    }
  }
  while (!name.empty() && name.back() == '-') {
    name.pop_back();
  }
  return "cargo-recipe-runtime/" + (name.empty() ? std::string("recipe") : name) + ":latest";
}

// The text after "# No STAGE stage: " in `recipe`, or "".
std::string missing_reason(std::string_view recipe, const std::string& stage) {
  const std::string marker = "\n# No " + stage + " stage: ";
  size_t at = recipe.find(marker);
  if (at == std::string_view::npos) {
    return "";
  }
  std::string_view rest = recipe.substr(at + marker.size());
  rest = rest.substr(0, rest.find('\n'));
  if (rest.ends_with('.')) {
    rest.remove_suffix(1);
  }
  return printable(rest);
}

}  // namespace

BuildTarget build_target(std::string_view recipe, const std::string& recipe_path, const std::string& stage,
                         const std::string& tag) {
  const std::string from = " AS " + stage + "\n";
  if (recipe.find(from) == std::string_view::npos) {
    std::string reason = missing_reason(recipe, stage);
    throw InputError(
        recipe_path + ": the recipe has no stage " + quote_value(stage) +
        (reason.empty() ? " (regenerate it with this cargo-recipe, or name another --target)" : " (" + reason + ")"));
  }
  BuildTarget target{.stage = stage, .image = std::nullopt};
  if (!tag.empty()) {
    if (!RE2::FullMatch(tag, k_image_name)) {
      throw InputError("--tag " + quote_value(tag) + " is not a local image name (lowercase NAME[/NAME...][:TAG])");
    }
    target.image = tag;
  } else if (stage == emit::k_runtime_stage) {
    target.image = default_image(recipe_path);
  }
  return target;
}

}  // namespace recipe::cli
