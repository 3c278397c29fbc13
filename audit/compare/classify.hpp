#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace recipe::compare {

// Why two versions of one file differ, with the evidence for it.
struct Cause {
  std::string kind;      // "timestamp", "build path", "environment leak", "ordering", "unknown"
  std::string evidence;  // e.g. "2026-11-25T07:41:09Z" vs "2026-11-25T07:42:30Z"
  std::string part;      // where: "ar member lib.rmeta / ELF section .rodata", "" for the whole file
};

// What the audit varied, and when it built: what a leak would look like.
struct ClassifyContext {
  std::vector<std::string> varied_values;  // context paths, salts, SOURCE_DATE_EPOCH values, noise
  int64_t clock_from = 0;                  // the audit's first and last second (unix time)
  int64_t clock_to = 0;
};

// Classify the difference between `first` and `other` (two runs' bytes of one file). Looks
// inside ar archives (rlibs) and ELF files (binaries, .so, objects) to name the member and section.
Cause classify(std::string_view first, std::string_view other, const ClassifyContext& context);

}  // namespace recipe::compare
