#include "audit/compare/text_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace recipe::compare {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    lines.push_back(text.substr(0, eol));
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
  }
  return lines;
}

struct Edit {
  char op;  // ' ', '-', '+'
  std::string_view line;
  size_t a;  // line number in before (1-based) of this or the next line
  size_t b;
};

// Longest common subsequence on the part between the common prefix and suffix: recipes differ in
// a few places, so that part is small. A huge middle falls back to "all removed, all added".
std::vector<Edit> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    ++prefix;
  }
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  size_t n = a.size() - prefix - suffix;
  size_t m = b.size() - prefix - suffix;
  std::vector<Edit> edits;
  for (size_t i = 0; i < prefix; ++i) {
    edits.push_back({' ', a[i], i + 1, i + 1});
  }
  constexpr size_t k_max_cells = 16'000'000;
  if (n * m <= k_max_cells) {
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    size_t i = 0;
    size_t j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        edits.push_back({' ', a[prefix + i], prefix + i + 1, prefix + j + 1});
        ++i;
        ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        edits.push_back({'-', a[prefix + i], prefix + i + 1, prefix + j + 1});  // removals first, as diff -u
        ++i;
      } else {
        edits.push_back({'+', b[prefix + j], prefix + i + 1, prefix + j + 1});
        ++j;
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) {
      edits.push_back({'-', a[prefix + i], prefix + i + 1, prefix + 1});
    }
    for (size_t j = 0; j < m; ++j) {
      edits.push_back({'+', b[prefix + j], prefix + n + 1, prefix + j + 1});
    }
  }
  for (size_t k = 0; k < suffix; ++k) {
    edits.push_back({' ', a[prefix + n + k], prefix + n + k + 1, prefix + m + k + 1});
  }
  return edits;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& before_label,
                         const std::string& after_label, size_t max_lines) {
  if (before == after) {
    return "";
  }
  std::vector<Edit> edits = edit_script(split_lines(before), split_lines(after));
  constexpr size_t k_context = 3;
  std::string out = "--- " + before_label + "\n+++ " + after_label + "\n";
  size_t lines = 0;
  size_t omitted = 0;
  size_t k = 0;
  while (k < edits.size()) {
    if (edits[k].op == ' ') {
      ++k;
      continue;
    }
    // A hunk: from k_context before this change to k_context after the last change within reach.
    size_t start = k >= k_context ? k - k_context : 0;
    size_t end = k;
    size_t quiet = 0;
    while (end < edits.size() && quiet <= 2 * k_context) {
      quiet = edits[end].op == ' ' ? quiet + 1 : 0;
      ++end;
    }
    end -= quiet > k_context ? quiet - k_context : 0;
    size_t a_count = 0;
    size_t b_count = 0;
    for (size_t e = start; e < end; ++e) {
      a_count += edits[e].op != '+' ? 1 : 0;
      b_count += edits[e].op != '-' ? 1 : 0;
    }
    std::string hunk = "@@ -" + std::to_string(edits[start].a) + "," + std::to_string(a_count) + " +" +
                       std::to_string(edits[start].b) + "," + std::to_string(b_count) + " @@\n";
    for (size_t e = start; e < end; ++e) {
      hunk += std::string(1, edits[e].op) + std::string(edits[e].line) + "\n";
    }
    size_t hunk_lines = end - start + 1;
    if (lines + hunk_lines > max_lines) {
      omitted += hunk_lines;
    } else {
      out += hunk;
      lines += hunk_lines;
    }
    k = end;
  }
  if (omitted > 0) {
    out += "... " + std::to_string(omitted) + " more lines\n";
  }
  return out;
}

}  // namespace recipe::compare
