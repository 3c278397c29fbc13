#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace recipe::compare {

// A date and time in text, in the same format in `only_first` and in `only_other` (the printable
// strings only one run's file has): RFC 3339 ("2026-12-02T03:51:12Z", or with a space for the
// T), RFC 2822 ("Wed, 02 Dec 2026 03:51:12 +0000") or the default of date(1) in the C locale
// ("Wed Dec  2 03:51:12 UTC 2026"). Returns the evidence, `"A" vs "B"`, or none.
std::optional<std::string> date_time_evidence(const std::vector<std::string>& only_first,
                                              const std::vector<std::string>& only_other);

// A unix time within a day of the window [`clock_from`, `clock_to`] (the audit's first and last
// second; a day either side for a daemon whose clock is off), in the same unit on both sides:
// seconds, milliseconds, microseconds or nanoseconds (10, 13, 16 or 19 digits standing alone).
// Returns the evidence, e.g. "unix time in milliseconds A vs B (the build clock)", or none.
std::optional<std::string> clock_evidence(const std::vector<std::string>& only_first,
                                          const std::vector<std::string>& only_other, int64_t clock_from,
                                          int64_t clock_to);

}  // namespace recipe::compare
