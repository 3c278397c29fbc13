#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "generator/emit/recorded_command.hpp"
#include "generator/pipeline/generate_request.hpp"

// The recipe header: what a recipe records of the request that generated it, so that `audit
// generate --check` regenerates it and `build` finds its context. Format (docs/recipes.md):
//   # cargo-recipe-request/1: {"command":"generate","manifest_path":"ws/Cargo.toml","offline":true}
// one JSON object on one line (ASCII, keys sorted, only values that differ from the defaults),
// beside a `# cargo-recipe-command:` line that says the same as a command, for people.
namespace recipe::pipeline {

// The request as the header's JSON object: one line of ASCII, no control character. Pure.
std::string request_to_json(const GenerateRequest& request);

// The request as the words of a command that asks for it ("cargo-recipe", "generate", ...), in a
// fixed order. Pure.
std::vector<std::string> request_to_command(const GenerateRequest& request);

// Read the request back from a recipe's text. Throws InputError naming `origin` and the line when
// the recipe has no request line (an older cargo-recipe wrote it, or it was not generated: the
// message says how to regenerate), when its version is not one this tool reads, or when the JSON
// does not parse, has an unknown key or a value of the wrong type.
GenerateRequest read_request(std::string_view recipe, const std::string& origin);

}  // namespace recipe::pipeline
