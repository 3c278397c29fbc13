// libFuzzer target: the root Cargo.toml reader, and the hints tables a manifest may hold
// (`[package.metadata.recipe]`, `[package.metadata.green]`, `[workspace.metadata.recipe]`), read
// as the pipeline reads them. Any input is read or is an InputError (one line for the manifest,
// one located line per problem for its hints); nothing else may escape, crash or trip a sanitizer.
#include <cstdint>
#include <string>
#include <string_view>

#include "generator/cargo/manifest.hpp"
#include "generator/cargo/toml_document.hpp"
#include "generator/hints/read_hints.hpp"
#include "generator/support/error.hpp"
#include "tests/fuzz/one_line.hpp"

namespace {

void read_manifest_hints(std::string_view text) {
  const std::string origin = "Cargo.toml";
  toml::table manifest = recipe::cargo::parse_toml(text, origin);
  if (const toml::table* recipe = manifest["package"]["metadata"]["recipe"].as_table()) {
    recipe::hints::read_package_hints(*recipe, "fuzzed", "1.0.0", origin, "package");
  }
  if (const toml::table* green = manifest["package"]["metadata"]["green"].as_table()) {
    std::string crate = "fuzzed";
    recipe::hints::read_green_table(*green, &crate, "1.0.0", origin, "green");
  }
  if (const toml::table* recipe = manifest["workspace"]["metadata"]["recipe"].as_table()) {
    recipe::hints::read_hints_table(*recipe, origin, "workspace");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    recipe::cargo::parse_root_manifest(text, "Cargo.toml");
  } catch (const recipe::InputError& e) {
    require_one_line(e);
  }
  try {
    read_manifest_hints(text);
  } catch (const recipe::InputError& e) {
    require_located_lines(e, "Cargo.toml");
  }
  return 0;
}
