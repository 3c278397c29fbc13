#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recipe::compare {

// One unit of a recipe as the audit sees it: the stage that runs it, the stage that exports its
// outputs, where those outputs live, and what it reads.
struct UnitStage {
  std::string stage;                // lib-serde-1.0.152-3f2a9c1b7e4d
  std::string output_stage;         // out-lib-serde-...
  std::string unit_id;              // 16 hex digits: /recipe/units/<unit_id>
  std::string label;                // the comment above it: "lib serde@1.0.152 serde [std]"
  std::string text;                 // its Dockerfile lines (FROM ... RUN ...), for the stage key
  std::vector<std::string> inputs;  // unit ids of the outputs it mounts, in mount order
  std::string source_stage;         // src-... it mounts, if any
};

// The unit stages of a recipe written by cargo-recipe, in file order (dependencies first).
// Throws InputError naming `origin` and the line of a unit stage it cannot read.
std::vector<UnitStage> read_unit_stages(std::string_view recipe, const std::string& origin);

}  // namespace recipe::compare
