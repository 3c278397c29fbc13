#include "audit/runner/recipe_units.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>
#include <utility>

#include <re2/re2.h>

#include "generator/emit/stage_names.hpp"
#include "generator/support/line_reader.hpp"
#include "generator/support/printable.hpp"

namespace recipe::runner {

namespace {

struct Stage {
  RecipeUnit unit;
  std::set<std::string> needs;  // every other stage it reads from: its FROM, COPY --from, --mount from
  bool from_scratch = false;    // stages that only gather files (outputs, binaries) start FROM scratch
};

// Whether `name` is a stage of `stages` that runs a unit.
bool runs_unit(const std::map<std::string, Stage>& stages, const std::string& name) {
  auto found = stages.find(name);
  return found != stages.end() && !found->second.from_scratch && emit::is_unit_stage_name(name);
}

// The stages `instruction` (continuation lines joined) reads from: the `from=` of its --mount
// options and, for COPY, its --from. Only the options before the command count: what the command
// itself says ("RUN echo from=x") is no dependency.
std::vector<std::string> stages_read(std::string_view instruction) {
  std::istringstream words{std::string(instruction)};
  std::string keyword;
  words >> keyword;
  std::ranges::transform(keyword, keyword.begin(), [](unsigned char c) { return std::toupper(c); });
  std::vector<std::string> read;
  std::string word;
  while (words >> word && word.starts_with("--")) {
    if (word.starts_with("--mount=")) {
      std::istringstream fields(word.substr(8));
      std::string field;
      while (std::getline(fields, field, ',')) {
        if (field.starts_with("from=")) {
          read.push_back(field.substr(5));
        }
      }
    } else if (keyword == "COPY" && word.starts_with("--from=")) {
      read.push_back(word.substr(7));
    }
  }
  return read;
}

std::map<std::string, Stage> read_stages(std::string_view recipe) {
  static const RE2 k_from(R"(^FROM (?:--platform=\S+ )?(\S+) AS ([A-Za-z0-9._-]+)\s*$)");
  // Words of a version and a target only: a title reaches the terminal.
  static const RE2 k_comment(
      R"(^# ([a-z-]+) ([A-Za-z0-9_-]+)@([A-Za-z0-9._+-]+) ([A-Za-z0-9._+-]+)( \(host\))?(?: |$))");
  std::map<std::string, Stage> stages;
  Stage* current = nullptr;
  RecipeUnit described;     // the unit the last comment line describes
  std::string instruction;  // the lines of the instruction read so far, without their backslashes
  LineReader lines(recipe);
  std::string_view line;
  while (lines.next(line)) {
    std::string base;
    std::string name;
    std::string host;
    if (instruction.empty() && RE2::PartialMatch(line, k_comment, &described.kind, &described.package,
                                                 &described.version, &described.target, &host)) {
      described.host = !host.empty();
      continue;
    }
    if (instruction.empty() && RE2::FullMatch(line, k_from, &base, &name)) {
      current = &stages[name];
      current->unit = std::exchange(described, RecipeUnit{});
      current->unit.stage = name;
      current->needs.insert(base);
      current->from_scratch = base == "scratch";
      continue;
    }
    if (line.ends_with('\\')) {
      instruction.append(line.substr(0, line.size() - 1)).push_back(' ');
      continue;
    }
    instruction.append(line);
    if (current != nullptr) {
      for (auto& read : stages_read(instruction)) {
        if (read != current->unit.stage) {
          current->needs.insert(std::move(read));
        }
      }
    }
    instruction.clear();
  }
  return stages;
}

// The unit stages `name` needs, looking through stages that run no unit (out-, src-, base).
void collect_units(const std::map<std::string, Stage>& stages, const std::string& name, std::set<std::string>& seen,
                   std::set<std::string>& units) {
  auto found = stages.find(name);
  if (found == stages.end()) {
    return;
  }
  for (const auto& need : found->second.needs) {
    if (!seen.insert(need).second) {
      continue;
    }
    if (runs_unit(stages, need)) {
      units.insert(need);
    } else {
      collect_units(stages, need, seen, units);
    }
  }
}

std::set<std::string> units_needed(const std::map<std::string, Stage>& stages, const std::string& name) {
  std::set<std::string> seen;
  std::set<std::string> units;
  collect_units(stages, name, seen, units);
  return units;
}

// The title of `unit` before titles that collide are told apart.
std::string unit_title(const RecipeUnit& unit) {
  if (unit.kind.empty()) {
    return unit.stage;
  }
  std::string crate = unit.package;
  std::replace(crate.begin(), crate.end(), '-', '_');
  bool named_apart = unit.target != crate && !unit.kind.starts_with("build-script");
  return printable(unit.kind + " " + unit.package + " " + unit.version + (named_apart ? " " + unit.target : "") +
                   (unit.host ? " (host)" : ""));
}

}  // namespace

std::map<std::string, RecipeUnit> read_recipe_units(std::string_view recipe, const std::string& target) {
  std::map<std::string, Stage> stages = read_stages(recipe);
  std::map<std::string, RecipeUnit> units;
  if (!stages.contains(target)) {
    return units;
  }
  std::set<std::string> pending =
      runs_unit(stages, target) ? std::set<std::string>{target} : units_needed(stages, target);
  while (!pending.empty()) {
    std::string name = *pending.begin();
    pending.erase(pending.begin());
    if (units.contains(name)) {
      continue;
    }
    RecipeUnit unit = stages.at(name).unit;
    std::set<std::string> deps = units_needed(stages, name);
    deps.erase(name);  // a stage that reads itself through another (a crafted recipe)
    unit.deps.assign(deps.begin(), deps.end());
    pending.insert(deps.begin(), deps.end());
    unit.title = unit_title(unit);
    units.emplace(name, std::move(unit));
  }
  std::map<std::string, int> readers;
  for (const auto& [stage, unit] : units) {
    ++readers[unit.title];
  }
  for (auto& [stage, unit] : units) {
    if (readers[unit.title] > 1) {
      unit.title += " " + stage.substr(stage.rfind('-') + 1);
    }
  }
  return units;
}

}  // namespace recipe::runner
