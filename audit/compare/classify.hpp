#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace recipe::compare {

// Why two versions of one file differ, from the most telling to the least: where several parts
// of a file differ, the first kind in this order names the file's cause.
enum class CauseKind { timestamp, build_path, environment_leak, ordering, unknown };

// The name of `kind` in every report and format: "timestamp", "build path", "environment leak",
// "ordering", "unknown".
const char* to_string(CauseKind kind);

// Why two versions of one file differ, with the evidence for it.
struct Cause {
  CauseKind kind = CauseKind::unknown;
  std::string evidence;  // e.g. "2026-11-25T07:41:09" vs "2026-11-25T07:42:30" (timestamps.hpp)
  std::string part;      // where: "ar member lib.rmeta / ELF section .rodata", "" for the whole file
};

// What the audit varied, and when it built: what a leak would look like.
struct ClassifyContext {
  std::vector<std::string> varied_values;  // context paths, salts, SOURCE_DATE_EPOCH values, noise
  int64_t clock_from = 0;                  // the audit's first and last second (unix time)
  int64_t clock_to = 0;
};

// Classify the difference between `first` and `other` (two runs' bytes of one file). Looks
// inside ar archives (rlibs) and ELF files (binaries, .so, objects) to name the member and section;
// a member or section that only one of them has is a difference (cause unknown, "only in the
// first run" or "only in the other run").
Cause classify(std::string_view first, std::string_view other, const ClassifyContext& context);

}  // namespace recipe::compare
