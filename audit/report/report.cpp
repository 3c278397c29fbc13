#include "audit/report/report.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace recipe::report {

const char* to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass:
      return "pass";
    case Verdict::fail:
      return "fail";
    case Verdict::error:
      return "error";
  }
  return "error";
}

size_t Report::count(Verdict verdict) const {
  return static_cast<size_t>(std::ranges::count_if(cases, [verdict](const Case& c) { return c.verdict == verdict; }));
}

int Report::exit_code() const {
  if (!complete) {
    return 3;
  }
  return count(Verdict::fail) + count(Verdict::error) > 0 ? 1 : 0;
}

bool use_colour() {
  const char* no_colour = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) != 0 && (no_colour == nullptr || *no_colour == '\0');
}

}  // namespace recipe::report
