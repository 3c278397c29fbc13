#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace recipe::runner {

// A unit as a build reports it: its stage, what a reader calls it, and the units it waits for.
struct RecipeUnit {
  std::string stage;    // lib-serde-1.0.152-3f2a9c1b7e4d
  std::string kind;     // lib, bin, proc-macro, build-script, build-script-run, …
  std::string package;  // serde
  std::string version;  // 1.0.152
  std::string target;   // the target's name: serde, build-script-build, …
  bool host = false;    // built for the host (build scripts, proc-macros and what they use)
  // What a reader calls it: "lib serde 1.0.152", "bin twobins 0.1.0 kani" (a target named apart
  // from its package), "lib serde 1.0.152 (host)"; units that would read the same (features
  // differ) get their stage's id: "build-script serde 1.0.152 (host) 6d9afdaa5d67".
  std::string title;
  std::vector<std::string> deps;  // stages of the units it needs (through their out- stages), sorted
};

// The unit stages that building stage `target` of `recipe` (a Dockerfile written by generate)
// runs, by stage name. A unit's kind, package and version come from the comment the generator
// writes above its FROM line ("# lib serde@1.0.152 serde …"); a unit stage without one is named
// by its stage. A stage needs its FROM, the `from=` of its --mount options and a COPY's --from
// (never what a command prints, nor itself). Pure; a `target` the recipe lacks yields no units.
std::map<std::string, RecipeUnit> read_recipe_units(std::string_view recipe, const std::string& target);

}  // namespace recipe::runner
