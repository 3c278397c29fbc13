// libFuzzer target: the `cargo metadata` reader and the validation after it. Any input is a
// workspace that passes validation or an InputError: from the reader, one located line per
// problem; from validation, one line. Nothing else may escape, crash or trip a sanitizer.
#include <cstdint>
#include <string_view>

#include "generator/cargo/metadata.hpp"
#include "generator/cargo/validate.hpp"
#include "generator/support/error.hpp"
#include "tests/fuzz/one_line.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  recipe::model::Workspace workspace;
  try {
    workspace = recipe::cargo::parse_metadata(text, "metadata.json");
  } catch (const recipe::InputError& e) {
    require_located_lines(e, "metadata.json");
    return 0;
  }
  try {
    recipe::cargo::validate_workspace(workspace);
  } catch (const recipe::InputError& e) {
    require_one_line(e);
  }
  return 0;
}
