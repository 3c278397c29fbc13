#include "generator/cargo/lockfile.hpp"

#include <gtest/gtest.h>

#include "generator/cargo/metadata.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::cargo {
namespace {

Lockfile load(const std::string& relative) {
  return parse_lockfile(read_file(testing::test_data(relative)), relative);
}

TEST(Lockfile, ReadsEveryFormatVersion) {
  model::Workspace ws = parse_metadata(read_file(testing::test_data("fixtures/guppy/small/metadata1.json")), "m.json");
  for (int version : {1, 2, 3}) {
    SCOPED_TRACE(version);
    Lockfile lock = load("fixtures/cargo-lock/v" + std::to_string(version) + "/Cargo.lock");
    EXPECT_EQ(lock.version, version);
    auto checksums = match_lockfile(lock, ws);
    EXPECT_EQ(checksums.size(), 30u);  // every registry package of the fixture
    const LockedPackage* memchr = lock.find("memchr", "2.2.1");
    ASSERT_NE(memchr, nullptr);
    EXPECT_EQ(memchr->checksum.size(), 64u);
  }
  Lockfile v4 = load("fixtures/cargo-lock/ripgrep/Cargo.lock");
  EXPECT_EQ(v4.version, 4);
  const LockedPackage* aho = v4.find("aho-corasick", "1.1.5");
  ASSERT_NE(aho, nullptr);
  EXPECT_EQ(aho->checksum, "c982642fa9e8606056828ee9a8505737230110bb1099153c79efe865c59d12ba");
}

TEST(Lockfile, UnknownVersionIsRejectedWithLocation) {
  try {
    parse_lockfile("version = 7\n", "Cargo.lock");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "Cargo.lock:1:11: unknown lockfile version 7 (this tool reads versions 1 to 4; regenerate with an "
                 "older cargo or upgrade cargo-recipe)");
  }
}

TEST(Lockfile, MissingFieldNamesTheEntry) {
  try {
    parse_lockfile("version = 4\n\n[[package]]\nname = \"a\"\n", "Cargo.lock");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("Cargo.lock:3:1: [[package]] has no \"version\""), std::string::npos)
        << e.what();
  }
}

TEST(Lockfile, DisagreeingWithMetadataIsAnError) {
  model::Workspace ws = parse_metadata(read_file(testing::test_data("fixtures/guppy/small/metadata1.json")), "m.json");
  Lockfile ripgrep = load("fixtures/cargo-lock/ripgrep/Cargo.lock");
  try {
    match_lockfile(ripgrep, ws);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("disagrees with the metadata"), std::string::npos) << e.what();
  }
}

TEST(Lockfile, InvalidTomlNamesLineAndColumn) {
  try {
    parse_lockfile("version = 4\n[[package]\n", "Cargo.lock");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with("Cargo.lock:2:")) << e.what();
  }
}

}  // namespace
}  // namespace recipe::cargo
