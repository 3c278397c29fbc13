#include "audit/compare/timestamps.hpp"

#include <array>
#include <charconv>

#include <re2/re2.h>

#include "audit/compare/printable_strings.hpp"

namespace recipe::compare {

namespace {

// A unix time of `digits` digits that, divided by `per_second`, falls within the window.
struct ClockUnit {
  const char* name;  // "" for seconds
  int digits;
  uint64_t per_second;
};

std::optional<std::string> find_clock(const std::vector<std::string>& strings, const ClockUnit& unit, int64_t from,
                                      int64_t to) {
  const RE2 pattern("\\b([0-9]{" + std::to_string(unit.digits) + "})\\b");
  for (const auto& s : strings) {
    re2::StringPiece input(s);
    std::string digits;
    while (RE2::FindAndConsume(&input, pattern, &digits)) {
      uint64_t value = 0;
      std::from_chars(digits.data(), digits.data() + digits.size(), value);  // 19 digits fit in 64 bits
      auto seconds = static_cast<int64_t>(value / unit.per_second);
      if (seconds >= from - 86400 && seconds <= to + 86400) {
        return digits;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> date_time_evidence(const std::vector<std::string>& only_first,
                                              const std::vector<std::string>& only_other) {
  static const RE2 k_rfc3339("([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?)");
  static const RE2 k_rfc2822(
      "((?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?[0-9]{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} "
      "[0-9]{2}:[0-9]{2}(?::[0-9]{2})? (?:[+-][0-9]{4}|[A-Z]{1,5}))");
  static const RE2 k_date_default(
      "((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 0-9][0-9] "
      "[0-9]{2}:[0-9]{2}:[0-9]{2} (?:[A-Z]{1,5} )?[0-9]{4})");
  for (const RE2* format : {&k_rfc3339, &k_rfc2822, &k_date_default}) {
    auto first = first_match(only_first, *format);
    auto other = first_match(only_other, *format);
    if (first && other) {
      return quoted(*first) + " vs " + quoted(*other);
    }
  }
  return std::nullopt;
}

std::optional<std::string> clock_evidence(const std::vector<std::string>& only_first,
                                          const std::vector<std::string>& only_other, int64_t clock_from,
                                          int64_t clock_to) {
  static constexpr std::array<ClockUnit, 4> k_units = {{{"", 10, 1},
                                                        {"milliseconds", 13, 1000},
                                                        {"microseconds", 16, 1000000},
                                                        {"nanoseconds", 19, 1000000000}}};
  for (const auto& unit : k_units) {
    auto first = find_clock(only_first, unit, clock_from, clock_to);
    auto other = find_clock(only_other, unit, clock_from, clock_to);
    if (first && other) {
      std::string in_unit = *unit.name == '\0' ? "" : std::string("in ") + unit.name + " ";
      return "unix time " + in_unit + *first + " vs " + *other + " (the build clock)";
    }
  }
  return std::nullopt;
}

}  // namespace recipe::compare
