#include "audit/compare/timestamps.hpp"

#include <array>
#include <charconv>

#include <re2/re2.h>

#include "audit/compare/printable_strings.hpp"

namespace recipe::compare {

namespace {

// A unit a clock counts in: its name in evidence ("" for seconds), how many make a second, and
// the digits a time from 2001 to 2286 takes in it, standing alone.
struct ClockUnit {
  const char* name;
  uint64_t per_second;
  const RE2& number;
};

// The first number of `unit` in `strings` that falls within a day of [`from`, `to`].
std::optional<std::string> find_clock(const std::vector<std::string>& strings, const ClockUnit& unit, int64_t from,
                                      int64_t to) {
  for (const auto& s : strings) {
    re2::StringPiece input(s);
    std::string digits;
    while (RE2::FindAndConsume(&input, unit.number, &digits)) {
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
  static const RE2 k_10_digits("\\b([0-9]{10})\\b");
  static const RE2 k_13_digits("\\b([0-9]{13})\\b");
  static const RE2 k_16_digits("\\b([0-9]{16})\\b");
  static const RE2 k_19_digits("\\b([0-9]{19})\\b");
  static const std::array<ClockUnit, 4> k_units = {{{"", 1, k_10_digits},
                                                    {"milliseconds", 1000, k_13_digits},
                                                    {"microseconds", 1000000, k_16_digits},
                                                    {"nanoseconds", 1000000000, k_19_digits}}};
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
