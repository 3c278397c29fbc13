#include "audit/compare/classify.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <set>

#include <re2/re2.h>

#include "audit/compare/binary_parts.hpp"
#include "audit/compare/printable_strings.hpp"
#include "audit/compare/timestamps.hpp"

namespace recipe::compare {

namespace {

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

// How often each byte value occurs in `bytes`.
std::array<uint64_t, 256> byte_histogram(std::string_view bytes) {
  std::array<uint64_t, 256> counts{};
  for (char c : bytes) {
    ++counts[static_cast<unsigned char>(c)];
  }
  return counts;
}

// The strings only one side has, each side in its own order.
std::pair<std::vector<std::string>, std::vector<std::string>> differing_strings(std::string_view a,
                                                                                std::string_view b) {
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

Cause classify_bytes(std::string_view a, std::string_view b, const ClassifyContext& context) {
  auto [only_a, only_b] = differing_strings(a, b);
  if (auto evidence = date_time_evidence(only_a, only_b)) {
    return {CauseKind::timestamp, *evidence, ""};
  }
  for (const auto& value : context.varied_values) {
    if (value.size() < 4) {
      continue;
    }
    for (const auto& side : {only_a, only_b}) {
      for (const auto& s : side) {
        if (s.find(value) != std::string::npos) {
          return {value.starts_with("/") ? CauseKind::build_path : CauseKind::environment_leak,
                  "the varied value " + quoted(value) + " appears in " + quoted(s), ""};
        }
      }
    }
  }
  // After the varied values: a salt or path may hold digits that look like a time.
  if (auto evidence = clock_evidence(only_a, only_b, context.clock_from, context.clock_to)) {
    return {CauseKind::timestamp, *evidence, ""};
  }
  static const RE2 k_temp_path("((/tmp|/var/tmp|/dev/shm)/[^\\s\"']+)");
  auto path_a = first_match(only_a, k_temp_path);
  auto path_b = first_match(only_b, k_temp_path);
  if (path_a && path_b) {
    return {CauseKind::build_path, "temporary path " + quoted(*path_a) + " vs " + quoted(*path_b), ""};
  }
  // Names, not punctuation: strings without a single name would all compare equal.
  if (!only_a.empty() && !only_b.empty()) {
    std::multiset<std::string> names_a = tokens(only_a);
    if (!names_a.empty() && names_a == tokens(only_b)) {
      return {CauseKind::ordering,
              "the same names in another order: " + quoted(only_a.front()) + " vs " + quoted(only_b.front()), ""};
    }
  }
  if (a.size() == b.size() && byte_histogram(a) == byte_histogram(b)) {
    return {CauseKind::ordering, "the same bytes in another order", ""};
  }
  size_t at = 0;
  while (at < a.size() && at < b.size() && a[at] == b[at]) {
    ++at;
  }
  return {CauseKind::unknown,
          "first difference at byte " + std::to_string(at) + " of " + std::to_string(a.size()) + " vs " +
              std::to_string(b.size()),
          ""};
}

// Classify every part (ar member, ELF section) that differs between the two files, present in
// either, and keep the most telling cause. A part only one file has is a difference of its own.
Cause classify_parts(const std::map<std::string, std::string_view>& pa,
                     const std::map<std::string, std::string_view>& pb, const std::string& label,
                     const ClassifyContext& context) {
  std::set<std::string> names;
  for (const auto* parts : {&pa, &pb}) {
    for (const auto& [name, bytes] : *parts) {
      names.insert(name);
    }
  }
  std::vector<std::string> differing;
  for (const auto& name : names) {
    auto a = pa.find(name);
    auto b = pb.find(name);
    if (a == pa.end() || b == pb.end() || a->second != b->second) {
      differing.push_back(name);
    }
  }
  if (differing.empty()) {
    return {CauseKind::unknown, "the " + label + "s are equal; the difference is in their layout", ""};
  }
  // The most telling part wins: a leak named by its value beats an ordering, which beats unknown
  // (a shuffled table drags unrelated bytes of .eh_frame along; a timestamp in .rodata is the cause).
  Cause best{CauseKind::unknown, "", ""};
  for (const auto& name : differing) {
    auto a = pa.find(name);
    auto b = pb.find(name);
    Cause cause = a == pa.end()   ? Cause{CauseKind::unknown, "only in the other run", ""}
                  : b == pb.end() ? Cause{CauseKind::unknown, "only in the first run", ""}
                                  : classify(a->second, b->second, context);
    cause.part = label + " " + name + (cause.part.empty() ? "" : " / " + cause.part);
    if (best.evidence.empty() || cause.kind < best.kind) {
      best = cause;
    }
  }
  // A few names say where; a whole symbol table of them says nothing more.
  constexpr size_t k_names_shown = 6;
  std::string shown;
  for (size_t i = 0; i < differing.size() && i < k_names_shown; ++i) {
    shown += (shown.empty() ? "" : ", ") + differing[i];
  }
  if (differing.size() > k_names_shown) {
    shown += " and " + std::to_string(differing.size() - k_names_shown) + " more";
  }
  best.evidence += " (differing " + label + "s: " + shown + ")";
  return best;
}

}  // namespace

const char* to_string(CauseKind kind) {
  switch (kind) {
    case CauseKind::timestamp:
      return "timestamp";
    case CauseKind::build_path:
      return "build path";
    case CauseKind::environment_leak:
      return "environment leak";
    case CauseKind::ordering:
      return "ordering";
    case CauseKind::unknown:
      return "unknown";
  }
  return "unknown";
}

Cause classify(std::string_view first, std::string_view other, const ClassifyContext& context) {
  auto members_a = ar_members(first);
  auto members_b = ar_members(other);
  if (!members_a.empty() || !members_b.empty()) {
    return classify_parts(members_a, members_b, "ar member", context);
  }
  auto sections_a = elf_sections(first);
  auto sections_b = elf_sections(other);
  if (!sections_a.empty() || !sections_b.empty()) {
    return classify_parts(sections_a, sections_b, "ELF section", context);
  }
  return classify_bytes(first, other, context);
}

}  // namespace recipe::compare
