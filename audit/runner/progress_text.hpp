#pragma once

#include <string>

#include "audit/runner/build_status.hpp"

namespace recipe::runner {

// How a build shows its progress: live lines redrawn in place (a terminal), one line per finished
// unit (CI logs), or nothing until the summary.
enum class ProgressMode { tty, plain, quiet };

// "1m02s", "4s": a duration for a reader.
std::string minutes_and_seconds(double seconds);

// The plain line of a unit that ended: "built lib serde 1.0.152 in 4.2 s", "cached lib serde
// 1.0.152", "FAILED lib serde 1.0.152 after 4.2 s"; "" for a unit that has not ended.
std::string render_unit_line(const UnitStatus& status);

// The terminal frame at `now` (seconds since the build began): one line per running unit, the
// first k_frame_units started (then "  +N more building"), then the total line "units 12/40 (4
// cached), elapsed 1m02s, ETA 2m10s". Each line ends in '\n'.
constexpr size_t k_frame_units = 8;
std::string render_frame(const BuildStatus& status, double now);

// The summary after a build of `elapsed` seconds: units built and cached, the five slowest units,
// the critical path, and `outputs` (where the outputs went; "" leaves that line out).
std::string render_summary(const BuildStatus& status, double elapsed, const std::string& outputs);

}  // namespace recipe::runner
