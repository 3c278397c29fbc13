// libFuzzer target: the hints-file reader. Any input is a hint source or an InputError of one
// located line per problem; nothing else may escape, crash or trip a sanitizer.
#include <cstdint>
#include <string_view>

#include "generator/hints/read_hints.hpp"
#include "generator/support/error.hpp"
#include "tests/fuzz/one_line.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    recipe::hints::read_hints_file(text, "hints.toml", "fuzz");
  } catch (const recipe::InputError& e) {
    require_located_lines(e, "hints.toml");
  }
  return 0;
}
