#include "generator/support/hash.hpp"

#include <gtest/gtest.h>

namespace recipe {
namespace {

TEST(Hash, Xxh3OfEmptyInputIsTheKnownAnswer) {
  // XXH3-128 of "" with seed 0, from the xxHash reference implementation.
  EXPECT_EQ(xxh3_128_hex(""), "99aa06d3014798d86001c324468d497f");
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

}  // namespace
}  // namespace recipe
