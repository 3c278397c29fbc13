// libFuzzer target: the Cargo.lock reader and its validation. Any input is a Lockfile or an
// InputError; nothing else may escape, crash or trip a sanitizer.
#include <cstdint>
#include <string_view>

#include "generator/cargo/lockfile.hpp"
#include "generator/cargo/validate.hpp"
#include "generator/support/error.hpp"
#include "tests/fuzz/one_line.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    recipe::cargo::validate_lockfile(recipe::cargo::parse_lockfile(text, "Cargo.lock"));
  } catch (const recipe::InputError& e) {
    require_one_line(e);
  }
  return 0;
}
