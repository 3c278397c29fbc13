#include "audit/compare/classify.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "audit/compare/binary_parts.hpp"

namespace recipe::compare {
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

TEST(Classify, BuildTimeStringsAreTimestamps) {
  Cause c = classify(with_noise("BUILT_AT=2026-11-25T07:41:09Z"), with_noise("BUILT_AT=2026-11-25T07:42:30Z"), context());
  EXPECT_EQ(c.kind, "timestamp");
  EXPECT_NE(c.evidence.find("2026-11-25T07:41:09"), std::string::npos) << c.evidence;
}

TEST(Classify, UnixTimeNearTheBuildClockIsATimestamp) {
  Cause c = classify(with_noise("built 1795000010 secs"), with_noise("built 1795000300 secs"), context());
  EXPECT_EQ(c.kind, "timestamp");
  Cause far = classify(with_noise("id 1000000001 here"), with_noise("id 1000000002 here"), context());
  EXPECT_NE(far.kind, "timestamp");
}

TEST(Classify, TemporaryAndVariedPathsAreBuildPaths) {
  Cause temp = classify(with_noise("scratch=/tmp/tmppath-build-1b2c"), with_noise("scratch=/tmp/tmppath-build-9f8e"), context());
  EXPECT_EQ(temp.kind, "build path");
  Cause varied = classify(with_noise("ctx /tmp/cargo-recipe-audit-context-2.Ab12Cd/src"), with_noise("ctx elsewhere-entirely"), context());
  EXPECT_EQ(varied.kind, "build path");
}

TEST(Classify, VariedValuesAreEnvironmentLeaks) {
  Cause c = classify(with_noise("salt=audit-5f3e9a01c2d4b6e8-1"), with_noise("salt=audit-5f3e9a01c2d4b6e8-2"), context());
  EXPECT_EQ(c.kind, "environment leak");
}

TEST(Classify, SameNamesInAnotherOrderAreOrdering) {
  Cause c = classify(with_noise("alpha,bravo,charlie,delta"), with_noise("charlie,alpha,delta,bravo"), context());
  EXPECT_EQ(c.kind, "ordering");
}

TEST(Classify, StringsOnOneSideOnlyOrWithoutNamesAreNotAnOrdering) {
  // Seen in a real rlib: a relocation section whose differing printable runs hold no names, and
  // the other side none at all. Neither is evidence of an ordering (and must not crash).
  Cause one_sided = classify(with_noise("%%%% ----"), with_noise(""), context());
  EXPECT_NE(one_sided.kind, "ordering");
  Cause nameless = classify(with_noise("%%%% ----"), with_noise("++++ ===="), context());
  EXPECT_NE(nameless.kind, "ordering") << nameless.evidence;
}

TEST(Classify, AnythingElseIsUnknownWithItsOffset) {
  Cause c = classify(with_noise("value=12345"), with_noise("value=67890"), context());
  EXPECT_EQ(c.kind, "unknown");
  EXPECT_NE(c.evidence.find("first difference at byte"), std::string::npos);
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
  ASSERT_EQ(std::system(("cd " + dir.string() + " && ar rcD one.a lib.rmeta a-long-member-name-over-sixteen.o").c_str()), 0);
  write_and_read(dir / "a-long-member-name-over-sixteen.o", "NAMES=charlie,alpha,bravo");
  ASSERT_EQ(std::system(("cd " + dir.string() + " && ar rcD two.a lib.rmeta a-long-member-name-over-sixteen.o").c_str()), 0);
  std::string one = write_and_read(dir / "x", "");
  std::ifstream a(dir / "one.a", std::ios::binary);
  std::ifstream b(dir / "two.a", std::ios::binary);
  std::string first((std::istreambuf_iterator<char>(a)), {});
  std::string other((std::istreambuf_iterator<char>(b)), {});
  auto members = ar_members(first);
  EXPECT_TRUE(members.contains("lib.rmeta"));
  EXPECT_TRUE(members.contains("a-long-member-name-over-sixteen.o"));
  Cause c = classify(first, other, context());
  EXPECT_EQ(c.kind, "ordering");
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
