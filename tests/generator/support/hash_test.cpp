#include "generator/support/hash.hpp"

#include <gtest/gtest.h>

namespace recipe {
namespace {

TEST(Hash, Xxh3OfEmptyInputIsTheKnownAnswer) {
  // XXH3-128 of "" with seed 0, from the xxHash reference implementation.
  EXPECT_EQ(xxh3_128_hex(""), "99aa06d3014798d86001c324468d497f");
}

TEST(Hash, Sha256IsWhatSha256sumPrints) {
  // FIPS 180-2's examples, as `printf abc | sha256sum` prints them.
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Hash, LabelledFieldsKeepBoundaries) {
  Hasher a;
  a.field("arg", "-I").field("arg", "-O2");
  Hasher b;
  b.field("arg", "-I-O2");
  Hasher c;
  c.field("arg", "-I").field("arg", "-O2");
  EXPECT_NE(a.hex_digest(), b.hex_digest());
  EXPECT_EQ(a.hex_digest(), c.hex_digest());
  EXPECT_EQ(a.hex_digest().size(), 32u);
}

TEST(Hash, LabelsAreHashed) {
  Hasher a;
  a.field("name", "x");
  Hasher b;
  b.field("path", "x");
  EXPECT_NE(a.hex_digest(), b.hex_digest());
}

TEST(Hash, FieldsHashAsTheirLengthPrefixedBytes) {
  // The encoding unit ids rest on: "<label size>:<label><value size>:<value>" per field.
  Hasher h;
  h.field("arg", "-I").field("arg", "-O2");
  EXPECT_EQ(h.hex_digest(), xxh3_128_hex("3:arg2:-I3:arg3:-O2"));
  EXPECT_EQ(h.hex_digest(), "4b05eb25d497dd57c59d1de5de15111e");
}

TEST(Hash, FieldDigestsAreKnownAnswers) {
  // Pinned from the first implementation: a change here changes every unit id. XXH3 takes another
  // path for inputs of up to 16, 128 and 240 bytes and beyond: the streams below cover each.
  Hasher empty_field;
  empty_field.field("", "");
  EXPECT_EQ(empty_field.hex_digest(), "242ab93f42550b246871248bf579c76b");

  Hasher integers;
  integers.field("kind", int64_t{-42}).field("n", int64_t{1234567890123});
  EXPECT_EQ(integers.hex_digest(), "abb306be2b9613c43a8d85b2f225953b");
  Hasher as_text;
  as_text.field("kind", "-42").field("n", "1234567890123");
  EXPECT_EQ(as_text.hex_digest(), integers.hex_digest());

  Hasher long_label;
  long_label.field("a-label-longer-than-twenty-bytes-for-the-slow-path", "v").field("x", "");
  EXPECT_EQ(long_label.hex_digest(), "a5bed6ede8844ed619bedb7ed437c881");

  Hasher mid;
  mid.field("format", "cargo-recipe/plan/1").field("arg", std::string(150, 'z'));
  EXPECT_EQ(mid.hex_digest(), "c2a0e3f6724dd835e5aa2b72c3e18adb");

  Hasher long_values;
  long_values.field("env", std::string(1000, 'x')).field("=", std::string(300, 'y'));
  EXPECT_EQ(long_values.hex_digest(), "08ed6aac3d34bcbbda0e88b2be93a64c");

  Hasher many;
  for (int i = 0; i < 200; ++i) {
    many.field("arg", "--cfg=feature=\"f" + std::to_string(i) + "\"");
  }
  EXPECT_EQ(many.hex_digest(), "8ad40e1022c4c1b03abab6bc0e89dc95");
}

}  // namespace
}  // namespace recipe
