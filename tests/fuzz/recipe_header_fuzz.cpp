// libFuzzer target: the recipe-header reader (a committed recipe is untrusted input). Any input
// either reads as a request or is an InputError; a request read back from its own header line is
// the same request, and that line is one line.
#include <cstdint>
#include <string>
#include <string_view>

#include "generator/pipeline/recipe_header.hpp"
#include "generator/support/error.hpp"
#include "tests/fuzz/one_line.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view recipe(reinterpret_cast<const char*>(data), size);
  try {
    recipe::pipeline::GenerateRequest request = recipe::pipeline::read_request(recipe, "fuzz");
    std::string json = recipe::pipeline::request_to_json(request);
    std::string again = std::string(recipe::emit::k_request_prefix) + "1: " + json + "\n";
    if (json.find('\n') != std::string::npos ||
        recipe::pipeline::request_to_json(recipe::pipeline::read_request(again, "fuzz")) != json) {
      __builtin_trap();
    }
  } catch (const recipe::InputError& e) {
    require_one_line(e);
  }
  return 0;
}
