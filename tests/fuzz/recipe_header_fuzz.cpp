// libFuzzer target: the recipe-header reader (a committed recipe is untrusted input). Any input
// either splits into words or is an InputError; quoting the words again and reading them back
// gives the same words.
#include <cstdint>
#include <string>
#include <string_view>

#include "generator/emit/recorded_command.hpp"
#include "generator/support/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view recipe(reinterpret_cast<const char*>(data), size);
  try {
    auto words = recipe::emit::recorded_command(recipe, "fuzz");
    if (words) {
      std::string again = std::string(recipe::emit::k_command_prefix) + recipe::emit::quote_command(*words) + "\n";
      if (again.find('\n') != again.size() - 1 || recipe::emit::recorded_command(again, "fuzz") != words) {
        __builtin_trap();
      }
    }
  } catch (const recipe::InputError&) {
  }
  return 0;
}
