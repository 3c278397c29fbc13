#include "audit/compare/classify.hpp"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <map>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "audit/compare/binary_parts.hpp"

namespace recipe::compare {

// Failures name the kind as reports do.
void PrintTo(CauseKind kind, std::ostream* out) {
  *out << to_string(kind);
}

namespace {

ClassifyContext context() {
  ClassifyContext c;
  c.clock_from = 1795000000;
  c.clock_to = 1795000600;
  c.varied_values = {"/tmp/cargo-recipe-audit-context-2.Ab12Cd", "audit-5f3e9a01c2d4b6e8-2"};
  return c;
}

std::string with_noise(const std::string& middle) {
  return std::string("\x01\x02header\0\0", 10) + middle + std::string("\0\0trailer-bytes\x03", 16);
}

TEST(Classify, TimesInEveryEncodingBuildScriptsWriteAreTimestamps) {
  struct Case {
    std::string encoding;
    std::string first;
    std::string other;
    std::string evidence;
  };
  // The audit's clock runs from 1795000000 to 1795000600 (context()).
  const std::vector<Case> cases = {
      {"RFC 3339", "BUILT_AT=2026-11-25T07:41:09Z", "BUILT_AT=2026-11-25T07:42:30Z",
       "\"2026-11-25T07:41:09\" vs \"2026-11-25T07:42:30\""},
      {"RFC 3339 with fraction and offset", "at 2026-11-25T07:41:09.123456+00:00;",
       "at 2026-11-25T07:42:30.654321+00:00;", "\"2026-11-25T07:41:09\" vs \"2026-11-25T07:42:30\""},
      {"RFC 3339 with a space", "built 2026-11-25 07:41:09 UTC", "built 2026-11-25 07:42:30 UTC",
       "\"2026-11-25 07:41:09\" vs \"2026-11-25 07:42:30\""},
      {"RFC 2822", "Date: Wed, 25 Nov 2026 07:41:09 +0000", "Date: Wed, 25 Nov 2026 07:42:30 +0000",
       "\"Wed, 25 Nov 2026 07:41:09 +0000\" vs \"Wed, 25 Nov 2026 07:42:30 +0000\""},
      {"date(1), one-digit day", "built Wed Dec  2 03:51:12 UTC 2026 here", "built Wed Dec  2 03:52:40 UTC 2026 here",
       "\"Wed Dec  2 03:51:12 UTC 2026\" vs \"Wed Dec  2 03:52:40 UTC 2026\""},
      {"date(1), two-digit day", "Wed Nov 25 07:41:09 UTC 2026", "Wed Nov 25 07:42:30 UTC 2026",
       "\"Wed Nov 25 07:41:09 UTC 2026\" vs \"Wed Nov 25 07:42:30 UTC 2026\""},
      {"epoch seconds", "built 1795000010 secs", "built 1795000300 secs",
       "unix time 1795000010 vs 1795000300 (the build clock)"},
      {"epoch seconds with a fraction", "t=1795000010.25", "t=1795000300.75",
       "unix time 1795000010 vs 1795000300 (the build clock)"},
      {"epoch milliseconds", "{\"ms\":1795000010123}", "{\"ms\":1795000300456}",
       "unix time in milliseconds 1795000010123 vs 1795000300456 (the build clock)"},
      {"epoch microseconds", "us=1795000010123456", "us=1795000300456789",
       "unix time in microseconds 1795000010123456 vs 1795000300456789 (the build clock)"},
      {"epoch nanoseconds", "ns 1795000010123456789", "ns 1795000300456789012",
       "unix time in nanoseconds 1795000010123456789 vs 1795000300456789012 (the build clock)"},
      {"a day of slack for a daemon's clock", "at 1794913600", "at 1795087000",
       "unix time 1794913600 vs 1795087000 (the build clock)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.encoding);
    Cause cause = classify(with_noise(c.first), with_noise(c.other), context());
    EXPECT_EQ(cause.kind, CauseKind::timestamp);
    EXPECT_EQ(cause.evidence, c.evidence);
    EXPECT_EQ(cause.part, "");
  }
}

TEST(Classify, NumbersOutsideTheBuildWindowAreNotTimestamps) {
  struct Case {
    std::string what;
    std::string first;
    std::string other;
  };
  const std::vector<Case> cases = {
      {"seconds years before", "id 1000000001 here", "id 1000000002 here"},
      {"seconds just past the day of slack", "at 1795087001", "at 1795087002"},
      {"milliseconds years before", "ms 1000000001000", "ms 1000000002000"},
      {"nanoseconds years after", "ns 9000000001000000000", "ns 9000000002000000000"},
      {"a length no clock writes", "n 17950000101", "n 17950003002"},
      {"inside the window but part of a longer word", "x1795000010", "x1795000300"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    Cause cause = classify(with_noise(c.first), with_noise(c.other), context());
    EXPECT_NE(cause.kind, CauseKind::timestamp) << cause.evidence;
  }
}

TEST(Classify, TemporaryAndVariedPathsAreBuildPaths) {
  Cause temp =
      classify(with_noise("scratch=/tmp/tmppath-build-1b2c"), with_noise("scratch=/tmp/tmppath-build-9f8e"), context());
  EXPECT_EQ(temp.kind, CauseKind::build_path);
  Cause varied = classify(with_noise("ctx /tmp/cargo-recipe-audit-context-2.Ab12Cd/src"),
                          with_noise("ctx elsewhere-entirely"), context());
  EXPECT_EQ(varied.kind, CauseKind::build_path);
}

TEST(Classify, VariedValuesAreEnvironmentLeaks) {
  Cause c =
      classify(with_noise("salt=audit-5f3e9a01c2d4b6e8-1"), with_noise("salt=audit-5f3e9a01c2d4b6e8-2"), context());
  EXPECT_EQ(c.kind, CauseKind::environment_leak);
}

TEST(Classify, SameNamesInAnotherOrderAreOrdering) {
  Cause c = classify(with_noise("alpha,bravo,charlie,delta"), with_noise("charlie,alpha,delta,bravo"), context());
  EXPECT_EQ(c.kind, CauseKind::ordering);
}

TEST(Classify, StringsOnOneSideOnlyOrWithoutNamesAreNotAnOrdering) {
  // Seen in a real rlib: a relocation section whose differing printable runs hold no names, and
  // the other side none at all. Neither is evidence of an ordering (and must not crash).
  Cause one_sided = classify(with_noise("%%%% ----"), with_noise(""), context());
  EXPECT_NE(one_sided.kind, CauseKind::ordering);
  Cause nameless = classify(with_noise("%%%% ----"), with_noise("++++ ===="), context());
  EXPECT_NE(nameless.kind, CauseKind::ordering) << nameless.evidence;
}

TEST(Classify, AnythingElseIsUnknownWithItsOffset) {
  Cause c = classify(with_noise("value=12345"), with_noise("value=67890"), context());
  EXPECT_EQ(c.kind, CauseKind::unknown);
  EXPECT_NE(c.evidence.find("first difference at byte"), std::string::npos);
}

TEST(Classify, TheSameBytesInAnotherOrderAreOrderingAndOtherBytesOfTheSameSizeAreNot) {
  // No printable strings at all: only the byte counts can tell.
  std::string first("\x01\x02\x03\xff\x00\x00", 6);
  std::string shuffled("\x00\xff\x03\x00\x02\x01", 6);
  std::string other_bytes("\x00\xff\x03\x00\x02\x02", 6);
  Cause same = classify(first, shuffled, context());
  EXPECT_EQ(same.kind, CauseKind::ordering);
  EXPECT_EQ(same.evidence, "the same bytes in another order");
  Cause different = classify(first, other_bytes, context());
  EXPECT_EQ(different.kind, CauseKind::unknown);
  EXPECT_EQ(different.evidence, "first difference at byte 0 of 6 vs 6");
}

// An ar archive of `members` (names under 16 characters), as ar(1) lays it out.
std::string ar_archive(const std::map<std::string, std::string>& members) {
  std::string out = "!<arch>\n";
  for (const auto& [name, data] : members) {
    char header[61];
    std::snprintf(header, sizeof header, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", (name + "/").c_str(), "0", "0", "0", "644",
                  data.size());
    out += std::string(header, 60) + data + (data.size() % 2 == 1 ? "\n" : "");
  }
  return out;
}

// A 64-bit little-endian ELF file holding `sections` (and its section name table).
std::string elf_file(const std::map<std::string, std::string>& sections) {
  auto put = [](std::string& out, size_t at, uint64_t value, size_t bytes) {
    for (size_t i = 0; i < bytes; ++i) {
      out[at + i] = static_cast<char>((value >> (8 * i)) & 0xff);
    }
  };
  std::string out(64, '\0');
  out.replace(0, 7,
              "\x7f"
              "ELF\x02\x01\x01");
  std::string names(1, '\0');
  std::vector<std::array<uint64_t, 3>> headers = {{0, 0, 0}};  // name offset, data offset, size
  for (const auto& [name, data] : sections) {
    headers.push_back({names.size(), out.size(), data.size()});
    names += name + '\0';
    out += data;
  }
  headers.push_back({names.size(), out.size(), 0});
  names += ".shstrtab";
  names += '\0';
  headers.back()[2] = names.size();
  out += names;
  const size_t table = out.size();
  put(out, 0x28, table, 8);
  put(out, 0x3a, 64, 2);
  put(out, 0x3c, headers.size(), 2);
  put(out, 0x3e, headers.size() - 1, 2);
  for (const auto& [name_at, data_at, size] : headers) {
    std::string entry(64, '\0');
    put(entry, 0, name_at, 4);
    put(entry, 4, name_at == 0 ? 0 : 1, 4);  // PROGBITS
    put(entry, 0x18, data_at, 8);
    put(entry, 0x20, size, 8);
    out += entry;
  }
  return out;
}

TEST(BinaryParts, TheTestsArchivesAndElfFilesReadBack) {
  auto members = ar_members(ar_archive({{"lib.rmeta", "odd"}, {"a.o", "even"}}));
  EXPECT_EQ(members, (std::map<std::string, std::string_view>{{"a.o", "even"}, {"lib.rmeta", "odd"}}));
  auto sections = elf_sections(elf_file({{".rodata", "text"}, {".data", "xy"}}));
  EXPECT_EQ(
      sections,
      (std::map<std::string, std::string_view>{
          {".data", "xy"}, {".rodata", "text"}, {".shstrtab", std::string_view("\0.data\0.rodata\0.shstrtab\0", 25)}}));
}

TEST(Classify, APartOnlyOneRunHasIsADifference) {
  struct Case {
    std::string what;
    std::string first;
    std::string other;
    CauseKind kind;
    std::string evidence;
    std::string part;
  };
  const std::string stamp_1 = with_noise("BUILT_AT=2026-11-25T07:41:09Z");
  const std::string stamp_2 = with_noise("BUILT_AT=2026-11-25T07:42:30Z");
  const std::vector<Case> cases = {
      {"an ar member only the other run has", ar_archive({{"lib.rmeta", "same"}}),
       ar_archive({{"lib.rmeta", "same"}, {"extra.o", "new"}}), CauseKind::unknown,
       "only in the other run (differing ar members: extra.o)", "ar member extra.o"},
      {"an ar member only the first run has", ar_archive({{"lib.rmeta", "same"}, {"gone.o", "old"}}),
       ar_archive({{"lib.rmeta", "same"}}), CauseKind::unknown, "only in the first run (differing ar members: gone.o)",
       "ar member gone.o"},
      {"a timestamp in a shared member beats a member only one run has", ar_archive({{"a.o", stamp_1}}),
       ar_archive({{"a.o", stamp_2}, {"extra.o", "new"}}), CauseKind::timestamp,
       "\"2026-11-25T07:41:09\" vs \"2026-11-25T07:42:30\" (differing ar members: a.o, extra.o)", "ar member a.o"},
      {"an ELF section only the other run has", elf_file({{".text", "code"}}),
       elf_file({{".text", "code"}, {".note.extra", "note"}}), CauseKind::unknown,
       // The name table differs too, since it lists the new section.
       "only in the other run (differing ELF sections: .note.extra, .shstrtab)", "ELF section .note.extra"},
      {"a timestamp in .rodata", elf_file({{".text", "code"}, {".rodata", stamp_1}}),
       elf_file({{".text", "code"}, {".rodata", stamp_2}}), CauseKind::timestamp,
       "\"2026-11-25T07:41:09\" vs \"2026-11-25T07:42:30\" (differing ELF sections: .rodata)", "ELF section .rodata"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    Cause cause = classify(c.first, c.other, context());
    EXPECT_EQ(cause.kind, c.kind);
    EXPECT_EQ(cause.evidence, c.evidence);
    EXPECT_EQ(cause.part, c.part);
  }
}

TEST(Classify, PartsThatAreAllEqualLeaveTheLayout) {
  // The same members, stored in another order with other header fields: nothing inside differs.
  std::string first = ar_archive({{"a.o", "one"}, {"b.o", "two"}});
  std::string other = first;
  other.replace(other.find("644 "), 4, "600 ");
  Cause cause = classify(first, other, context());
  EXPECT_EQ(cause.kind, CauseKind::unknown);
  EXPECT_EQ(cause.evidence, "the ar members are equal; the difference is in their layout");
}

TEST(CauseKind, NamesInReportsAreTheDocumentedWords) {
  EXPECT_STREQ(to_string(CauseKind::timestamp), "timestamp");
  EXPECT_STREQ(to_string(CauseKind::build_path), "build path");
  EXPECT_STREQ(to_string(CauseKind::environment_leak), "environment leak");
  EXPECT_STREQ(to_string(CauseKind::ordering), "ordering");
  EXPECT_STREQ(to_string(CauseKind::unknown), "unknown");
}

std::string write_and_read(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(BinaryParts, ArMembersAreNamedAndTheDifferingOneIsReported) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("classify-ar-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  write_and_read(dir / "lib.rmeta", "metadata that stays");
  write_and_read(dir / "a-long-member-name-over-sixteen.o", "NAMES=alpha,bravo,charlie");
  ASSERT_EQ(
      std::system(("cd " + dir.string() + " && ar rcD one.a lib.rmeta a-long-member-name-over-sixteen.o").c_str()), 0);
  write_and_read(dir / "a-long-member-name-over-sixteen.o", "NAMES=charlie,alpha,bravo");
  ASSERT_EQ(
      std::system(("cd " + dir.string() + " && ar rcD two.a lib.rmeta a-long-member-name-over-sixteen.o").c_str()), 0);
  std::ifstream a(dir / "one.a", std::ios::binary);
  std::ifstream b(dir / "two.a", std::ios::binary);
  std::string first((std::istreambuf_iterator<char>(a)), {});
  std::string other((std::istreambuf_iterator<char>(b)), {});
  auto members = ar_members(first);
  EXPECT_TRUE(members.contains("lib.rmeta"));
  EXPECT_TRUE(members.contains("a-long-member-name-over-sixteen.o"));
  Cause c = classify(first, other, context());
  EXPECT_EQ(c.kind, CauseKind::ordering);
  EXPECT_EQ(c.part, "ar member a-long-member-name-over-sixteen.o");
  fs::remove_all(dir);
}

TEST(BinaryParts, ElfSectionsOfARealBinary) {
  std::ifstream in("/bin/true", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  auto sections = elf_sections(bytes);
  EXPECT_TRUE(sections.contains(".text"));
  EXPECT_TRUE(sections.contains(".rodata"));
  EXPECT_TRUE(elf_sections("not an elf").empty());
}

}  // namespace
}  // namespace recipe::compare
