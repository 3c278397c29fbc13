#include "audit/compare/recipe_stages.hpp"

#include <map>

#include "generator/emit/stage_names.hpp"
#include "generator/support/error.hpp"
#include "generator/support/line_reader.hpp"

namespace recipe::compare {

namespace {

constexpr std::string_view k_units = "/recipe/units/";

// The value of `key=` in a --mount list, up to the next ',' or space.
std::string mount_field(std::string_view line, size_t mount, std::string_view key) {
  size_t end = line.find(' ', mount);
  std::string_view mount_text =
      line.substr(mount, end == std::string_view::npos ? std::string_view::npos : end - mount);
  size_t at = mount_text.find(std::string(key) + "=");
  if (at == std::string_view::npos) {
    return "";
  }
  std::string_view value = mount_text.substr(at + key.size() + 1);
  return std::string(value.substr(0, value.find(',')));
}

}  // namespace

std::vector<UnitStage> read_unit_stages(std::string_view recipe, const std::string& origin) {
  std::vector<UnitStage> stages;
  std::map<std::string, size_t> by_stage;
  std::string comment;
  UnitStage* current = nullptr;
  LineReader lines(recipe);
  std::string_view line;
  while (lines.next(line)) {
    if (line.starts_with("# ")) {
      comment = std::string(line.substr(2));
      continue;
    }
    if (line.starts_with("FROM ")) {
      current = nullptr;
      size_t as = line.find(" AS ");
      std::string name = as == std::string_view::npos ? "" : std::string(line.substr(as + 4));
      // Units run in stages built on the base or a package set, never on scratch.
      if (!line.starts_with("FROM scratch ") && emit::is_unit_stage_name(name)) {
        stages.push_back({name, "out-" + name, "", comment, std::string(line) + "\n", {}, ""});
        by_stage[name] = stages.size() - 1;
        current = &stages.back();
      } else if (name.starts_with("out-") && by_stage.contains(name.substr(4))) {
        // COPY --from=STAGE /recipe/units/ID ...: the unit's id.
        std::string_view rest = lines.peek();
        size_t units = rest.find(k_units);
        if (units == std::string_view::npos) {
          throw InputError(origin + ":" + std::to_string(lines.number() + 1) + ": cannot find the unit folder of " +
                           name);
        }
        stages[by_stage[name.substr(4)]].unit_id = std::string(rest.substr(units + k_units.size(), 16));
      }
      comment.clear();
      continue;
    }
    if (current == nullptr) {
      continue;
    }
    current->text += std::string(line) + "\n";
    for (size_t mount = line.find("--mount="); mount != std::string_view::npos;
         mount = line.find("--mount=", mount + 1)) {
      std::string from = mount_field(line, mount, "from");
      std::string source = mount_field(line, mount, "source");
      if (from.starts_with("src-")) {
        current->source_stage = from;
      } else if (source.starts_with(k_units)) {
        current->inputs.push_back(source.substr(k_units.size()));
      }
    }
  }
  for (const auto& stage : stages) {
    if (stage.unit_id.size() != 16) {
      throw InputError(origin + ": unit stage " + stage.stage + " has no out- stage (not a cargo-recipe recipe?)");
    }
  }
  return stages;
}

}  // namespace recipe::compare
