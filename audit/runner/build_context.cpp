#include "audit/runner/build_context.hpp"

#include <nlohmann/json.hpp>

#include "audit/runner/confined_copy.hpp"
#include "audit/runner/vendored_crates.hpp"
#include "generator/emit/helper_file.hpp"
#include "generator/emit/recipe_inputs.hpp"
#include "generator/support/error.hpp"
#include "generator/support/line_reader.hpp"

namespace recipe::runner {

namespace fs = std::filesystem;

std::vector<std::string> context_sources(std::string_view recipe, const std::string& origin) {
  std::vector<std::string> sources;
  LineReader lines(recipe);
  std::string_view line;
  while (lines.next(line)) {
    if (!line.starts_with("COPY ") || line.find("--from=") != std::string_view::npos) {
      continue;
    }
    std::string_view rest = line.substr(5);
    while (rest.starts_with("--")) {
      rest = rest.substr(rest.find(' ') + 1);
    }
    if (rest.starts_with("[")) {
      try {
        auto words = nlohmann::json::parse(rest).get<std::vector<std::string>>();
        if (words.size() >= 2) {
          for (auto word = words.begin(); word + 1 != words.end(); ++word) {
            check_context_path(*word, origin + ":" + std::to_string(lines.number()));
            sources.push_back(*word);
          }
          continue;
        }
      } catch (const nlohmann::json::exception&) {
      }
    } else if (auto space = rest.find(' '); space != std::string_view::npos) {
      // The helper comes from beside the recipe, not from the workspace (stage_helper).
      if (rest.substr(0, space) != emit::k_helper_context_path) {
        sources.emplace_back(rest.substr(0, space));
        check_context_path(sources.back(), origin + ":" + std::to_string(lines.number()));
      }
      continue;
    }
    throw InputError(origin + ":" + std::to_string(lines.number()) + ": cannot read this COPY line");
  }
  return sources;
}

namespace {

// The folder a context path is confined to and where it is read: "@up/" components (each a
// "../", for path packages beside the workspace) widen the root to that parent of `workspace`.
struct Placement {
  fs::path root;
  fs::path from;
  size_t ups = 0;
};

Placement place_in_workspace(const std::string& source, const fs::path& workspace) {
  Placement placement{workspace, workspace, 0};
  std::string_view rest = source;
  const std::string up = std::string(emit::k_context_up) + "/";
  while (rest.starts_with(up)) {
    rest.remove_prefix(up.size());
    placement.root = placement.root.parent_path();
    ++placement.ups;
  }
  placement.from = placement.root / rest;
  return placement;
}

// An "@up/" path must lie in a cargo package beside the workspace (a Cargo.toml in one of its
// folders below the widened root): a recipe may not read arbitrary files around the workspace.
bool lies_in_package(const Placement& placement) {
  std::error_code ec;
  for (fs::path dir = placement.from; dir != placement.root && dir.has_relative_path(); dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / "Cargo.toml", ec)) {
      return true;
    }
  }
  return false;
}

}  // namespace

void check_context_path(const std::string& source, const std::string& where) {
  if (std::string problem = context_path_problem(source); !problem.empty()) {
    throw InputError(where + ": build context path " + nlohmann::json(source).dump() + " " + problem +
                     " (a recipe copies only relative paths inside its build context)");
  }
}

void stage_context(const std::vector<std::string>& sources, const fs::path& workspace,
                   const std::optional<fs::path>& vendor, const fs::path& staging) {
  VendoredCrates vendored(workspace, vendor);
  const fs::path absolute_workspace = fs::absolute(workspace).lexically_normal();
  for (const auto& source : sources) {
    check_context_path(source, "build context");
    fs::path to = staging / source;
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (ec) {
      throw Error("build context: cannot create " + to.parent_path().string() + ": " + ec.message());
    }
    // A vendored crate, found by its Cargo.toml, is copied as published and read only inside its folder.
    if (auto crate = vendored.locate(source)) {
      copy_confined(*crate, *crate, to, CopyRules{});
      continue;
    }
    Placement placement = place_in_workspace(source, absolute_workspace);
    if (!fs::exists(fs::symlink_status(placement.from, ec))) {
      throw InputError("build context: \"" + source + "\" is not in " + workspace.string() +
                       " (pass --context DIR, the workspace the recipe was generated from)");
    }
    if (placement.ups > 0 && !lies_in_package(placement)) {
      throw InputError("build context: \"" + source + "\" is outside the workspace and in no cargo package beside it");
    }
    // A workspace package's hidden files and cargo's build folders stay out at every level.
    copy_confined(placement.root, placement.from, to, CopyRules{.skip_hidden = true, .skip_build_output = true});
  }
}

}  // namespace recipe::runner
