#include "audit/runner/build_context.hpp"

#include <nlohmann/json.hpp>

#include "audit/runner/vendored_crates.hpp"
#include "generator/emit/helper_file.hpp"
#include "generator/emit/recipe_inputs.hpp"
#include "generator/support/error.hpp"
#include "generator/support/line_reader.hpp"

namespace recipe::runner {

namespace fs = std::filesystem;

namespace {

// Hard links where the filesystem allows (fast, no copy), plain copies otherwise.
void copy_into(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::create_hard_links, ec);
  if (ec) {
    ec.clear();
    fs::remove_all(to, ec);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
  }
  if (ec) {
    throw Error("build context: cannot copy " + from.string() + ": " + ec.message());
  }
}

}  // namespace

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
          sources.insert(sources.end(), words.begin(), words.end() - 1);
          continue;
        }
      } catch (const nlohmann::json::exception&) {
      }
    } else if (auto space = rest.find(' '); space != std::string_view::npos) {
      // The helper comes from beside the recipe, not from the workspace (stage_helper).
      if (rest.substr(0, space) != emit::k_helper_context_path) {
        sources.emplace_back(rest.substr(0, space));
      }
      continue;
    }
    throw InputError(origin + ":" + std::to_string(lines.number()) + ": cannot read this COPY line");
  }
  return sources;
}

void stage_context(const std::vector<std::string>& sources, const fs::path& workspace,
                   const std::optional<fs::path>& vendor, const fs::path& staging) {
  VendoredCrates vendored(workspace, vendor);
  for (const auto& source : sources) {
    if (auto crate = vendored.locate(source)) {
      copy_into(*crate, staging / source);
      continue;
    }
    // "@up/" stands for "../": a path package beside the workspace.
    std::string on_disk = source;
    for (size_t pos = 0; on_disk.compare(pos, 4, "@up/") == 0; pos += 3) {
      on_disk.replace(pos, 4, "../");
    }
    fs::path from = workspace / on_disk;
    std::error_code ec;
    if (!fs::exists(from, ec)) {
      throw InputError("build context: \"" + source + "\" is not in " + workspace.string() +
                       " (pass --context DIR, the workspace the recipe was generated from)");
    }
    copy_into(from, staging / source);
  }
}

}  // namespace recipe::runner
