#include "generator/support/suggest.hpp"

#include <algorithm>
#include <numeric>

namespace recipe {

namespace {

// Levenshtein distance, one row at a time.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    size_t distance = edit_distance(word, candidate);
    // Ties go to the first candidate: callers list them in a fixed order.
    if (distance <= 2 && distance * 2 < std::max<size_t>(word.size(), 2) && (!best || distance < best_distance)) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string quoted_with_suggestion(std::string_view word, const std::vector<std::string>& candidates) {
  std::string out = "\"" + std::string(word) + "\"";
  if (auto match = closest_match(word, candidates)) {
    out += ", did you mean \"" + *match + "\"?";
  }
  return out;
}

}  // namespace recipe
