#include "audit/compare/classify.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <re2/re2.h>

#include "audit/compare/binary_parts.hpp"

namespace recipe::compare {

namespace {

// Printable runs of 4 or more bytes, like strings(1); UTF-8 kept.
std::vector<std::string> printable_strings(std::string_view bytes) {
  std::vector<std::string> out;
  std::string current;
  for (char c : bytes) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t') {
      current += c;
    } else {
      if (current.size() >= 4) {
        out.push_back(current);
      }
      current.clear();
    }
  }
  if (current.size() >= 4) {
    out.push_back(current);
  }
  return out;
}

std::multiset<std::string> tokens(const std::vector<std::string>& strings) {
  static const RE2 k_token("([A-Za-z0-9_]+)");
  std::multiset<std::string> out;
  for (const auto& s : strings) {
    re2::StringPiece input(s);
    std::string token;
    while (RE2::FindAndConsume(&input, k_token, &token)) {
      out.insert(token);
    }
  }
  return out;
}

std::string quoted(std::string text) {
  if (text.size() > 80) {
    text = text.substr(0, 77) + "...";
  }
  return "\"" + text + "\"";
}

// The strings only one side has, each side in its own order.
std::pair<std::vector<std::string>, std::vector<std::string>> differing_strings(std::string_view a, std::string_view b) {
  std::vector<std::string> sa = printable_strings(a);
  std::vector<std::string> sb = printable_strings(b);
  std::multiset<std::string> in_a(sa.begin(), sa.end());
  std::multiset<std::string> in_b(sb.begin(), sb.end());
  std::vector<std::string> only_a;
  std::vector<std::string> only_b;
  for (const auto& s : sa) {
    if (!in_b.contains(s)) {
      only_a.push_back(s);
    }
  }
  for (const auto& s : sb) {
    if (!in_a.contains(s)) {
      only_b.push_back(s);
    }
  }
  return {only_a, only_b};
}

std::optional<std::string> find_match(const std::vector<std::string>& strings, const RE2& pattern) {
  for (const auto& s : strings) {
    std::string match;
    if (RE2::PartialMatch(s, pattern, &match)) {
      return match;
    }
  }
  return std::nullopt;
}

// A unix time near the audit's clock, as digits.
std::optional<std::string> find_clock(const std::vector<std::string>& strings, const ClassifyContext& context) {
  static const RE2 k_digits("\\b(1[0-9]{9})\\b");
  for (const auto& s : strings) {
    re2::StringPiece input(s);
    std::string digits;
    while (RE2::FindAndConsume(&input, k_digits, &digits)) {
      int64_t value = std::stoll(digits);
      if (value >= context.clock_from - 86400 && value <= context.clock_to + 86400) {
        return digits;
      }
    }
  }
  return std::nullopt;
}

Cause classify_bytes(std::string_view a, std::string_view b, const ClassifyContext& context) {
  auto [only_a, only_b] = differing_strings(a, b);
  static const RE2 k_date_time("([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?)");
  auto date_a = find_match(only_a, k_date_time);
  auto date_b = find_match(only_b, k_date_time);
  if (date_a && date_b) {
    return {"timestamp", quoted(*date_a) + " vs " + quoted(*date_b), ""};
  }
  for (const auto& value : context.varied_values) {
    if (value.size() < 4) {
      continue;
    }
    for (const auto& side : {only_a, only_b}) {
      for (const auto& s : side) {
        if (s.find(value) != std::string::npos) {
          return {value.starts_with("/") ? "build path" : "environment leak",
                  "the varied value " + quoted(value) + " appears in " + quoted(s), ""};
        }
      }
    }
  }
  // After the varied values: a salt or path may hold digits that look like a time.
  auto clock_a = find_clock(only_a, context);
  auto clock_b = find_clock(only_b, context);
  if (clock_a && clock_b) {
    return {"timestamp", "unix time " + *clock_a + " vs " + *clock_b + " (the build clock)", ""};
  }
  static const RE2 k_temp_path("((/tmp|/var/tmp|/dev/shm)/[^\\s\"']+)");
  auto path_a = find_match(only_a, k_temp_path);
  auto path_b = find_match(only_b, k_temp_path);
  if (path_a && path_b) {
    return {"build path", "temporary path " + quoted(*path_a) + " vs " + quoted(*path_b), ""};
  }
  // Names, not punctuation: strings without a single name would all compare equal.
  if (!only_a.empty() && !only_b.empty()) {
    std::multiset<std::string> names_a = tokens(only_a);
    if (!names_a.empty() && names_a == tokens(only_b)) {
      return {"ordering", "the same names in another order: " + quoted(only_a.front()) + " vs " + quoted(only_b.front()),
              ""};
    }
  }
  if (a.size() == b.size()) {
    std::multiset<char> ca(a.begin(), a.end());
    std::multiset<char> cb(b.begin(), b.end());
    if (ca == cb) {
      return {"ordering", "the same bytes in another order", ""};
    }
  }
  size_t at = 0;
  while (at < a.size() && at < b.size() && a[at] == b[at]) {
    ++at;
  }
  return {"unknown", "first difference at byte " + std::to_string(at) + " of " + std::to_string(a.size()) + " vs " +
                         std::to_string(b.size()),
          ""};
}

// Descend into the first part (ar member, ELF section) that differs, then classify its bytes.
Cause classify_parts(const std::map<std::string, std::string_view>& pa, const std::map<std::string, std::string_view>& pb,
                     const std::string& label, const ClassifyContext& context) {
  std::vector<std::string> differing;
  for (const auto& [name, bytes] : pa) {
    auto it = pb.find(name);
    if (it == pb.end() || it->second != bytes) {
      differing.push_back(name);
    }
  }
  if (differing.empty()) {
    return {"unknown", "the " + label + "s are equal; the difference is in their layout", ""};
  }
  // The most telling part wins: a leak named by its value beats an ordering, which beats unknown
  // (a shuffled table drags unrelated bytes of .eh_frame along; a timestamp in .rodata is the cause).
  auto rank = [](const std::string& kind) {
    static const std::vector<std::string> k_order = {"timestamp", "build path", "environment leak", "ordering", "unknown"};
    return std::ranges::find(k_order, kind) - k_order.begin();
  };
  Cause best{"unknown", "", ""};
  for (const auto& name : differing) {
    auto other = pb.find(name);
    Cause cause = classify(pa.at(name), other == pb.end() ? std::string_view{} : other->second, context);
    cause.part = label + " " + name + (cause.part.empty() ? "" : " / " + cause.part);
    if (best.evidence.empty() || rank(cause.kind) < rank(best.kind)) {
      best = cause;
    }
  }
  // A few names say where; a whole symbol table of them says nothing more.
  constexpr size_t k_names_shown = 6;
  std::string names;
  for (size_t i = 0; i < differing.size() && i < k_names_shown; ++i) {
    names += (names.empty() ? "" : ", ") + differing[i];
  }
  if (differing.size() > k_names_shown) {
    names += " and " + std::to_string(differing.size() - k_names_shown) + " more";
  }
  best.evidence += " (differing " + label + "s: " + names + ")";
  return best;
}

}  // namespace

Cause classify(std::string_view first, std::string_view other, const ClassifyContext& context) {
  auto members_a = ar_members(first);
  if (!members_a.empty()) {
    return classify_parts(members_a, ar_members(other), "ar member", context);
  }
  auto sections_a = elf_sections(first);
  if (!sections_a.empty()) {
    return classify_parts(sections_a, elf_sections(other), "ELF section", context);
  }
  return classify_bytes(first, other, context);
}

}  // namespace recipe::compare
