// Hints files: what they may say, and the one-line errors for what they may not.
#include "generator/hints/read_hints.hpp"

#include <gtest/gtest.h>

#include "generator/hints/builtin.hpp"
#include "generator/support/error.hpp"

namespace recipe::hints {
namespace {

// The message read_hints_file throws for `text`, or "" when it reads.
std::string error_of(const std::string& text) {
  try {
    read_hints_file(text, "ci/hints.toml", "hints file ci/hints.toml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ReadHints, ReadsCratesVersionRequirementsPinsAndEverywhereLists) {
  HintSource source = read_hints_file(R"toml(schema = "cargo-recipe/hints/1"
apt = ["build-essential"]

[crates."openssl-sys@>=0.9"]
apt = ["libssl-dev (=3.0.15-1~deb12u1)", "pkg-config"]
apk = ["openssl-dev=3.3.2-r0", "pkgconf"]

[crates.libz-sys]
apt = ["zlib1g-dev"]
)toml",
                                      "hints.toml", "hints file hints.toml");
  EXPECT_EQ(source.name, "hints file hints.toml");
  ASSERT_EQ(source.everywhere.at(Distro::debian).size(), 1u);
  ASSERT_EQ(source.crates.size(), 2u);
  const CrateHint& libz = source.crates[0];  // tables come sorted by key
  EXPECT_EQ(libz.crate, "libz-sys");
  EXPECT_FALSE(libz.req);
  EXPECT_FALSE(libz.packages.contains(Distro::alpine));
  EXPECT_EQ(libz.where, "hints.toml:8:1");
  const CrateHint& openssl = source.crates[1];
  EXPECT_EQ(openssl.crate, "openssl-sys");
  EXPECT_EQ(openssl.req_text, ">=0.9");
  ASSERT_TRUE(openssl.req);
  EXPECT_TRUE(openssl.req->matches(*model::Version::parse("0.9.80")));
  EXPECT_FALSE(openssl.req->matches(*model::Version::parse("0.8.0")));
  EXPECT_EQ(openssl.packages.at(Distro::debian)[0], (SystemPackage{"libssl-dev", "3.0.15-1~deb12u1"}));
  EXPECT_EQ(openssl.packages.at(Distro::debian)[0].install_word(), "libssl-dev=3.0.15-1~deb12u1");
  EXPECT_EQ(openssl.packages.at(Distro::alpine)[0], (SystemPackage{"openssl-dev", "3.3.2-r0"}));
}

TEST(ReadHints, UnknownKeyNamesFileLineKeyAndTheClosestKnownKey) {
  EXPECT_EQ(error_of("[crates.libz-sys]\napr = [\"zlib1g-dev\"]\n"),
            "ci/hints.toml:2:7: crates.libz-sys: unknown distro package list \"apr\", did you mean \"apt\"? "
            "(lists are apt for Debian and Ubuntu, apk for Alpine)");
  EXPECT_EQ(error_of("crate = {}\n"),
            "ci/hints.toml:1:9: unknown distro package list \"crate\", did you mean \"crates\"? "
            "(lists are apt for Debian and Ubuntu, apk for Alpine)");
}

TEST(ReadHints, UnknownDistroIsRejected) {
  std::string error = error_of("[crates.libz-sys]\ndnf = [\"zlib-devel\"]\n");
  EXPECT_NE(error.find("ci/hints.toml:2:7: crates.libz-sys: unknown distro package list \"dnf\""), std::string::npos)
      << error;
  EXPECT_EQ(error.find("did you mean"), std::string::npos) << error;
}

TEST(ReadHints, WrongTypesAreRejected) {
  EXPECT_EQ(error_of("[crates.libz-sys]\napt = \"zlib1g-dev\"\n"),
            "ci/hints.toml:2:7: crates.libz-sys.apt: must be an array of package names, e.g. [\"libssl-dev\"]");
  EXPECT_EQ(error_of("[crates.libz-sys]\napk = [\"zlib-dev\", 3]\n"),
            "ci/hints.toml:2:20: crates.libz-sys.apk[1]: must be a string (a package name)");
  EXPECT_EQ(error_of("crates = 1\n"),
            "ci/hints.toml:1:10: crates: must be a table of crates, e.g. [crates.\"openssl-sys\"]");
  EXPECT_EQ(error_of("schema = \"cargo-recipe/hints/2\"\n"),
            "ci/hints.toml:1:10: schema: must be \"cargo-recipe/hints/1\"");
}

TEST(ReadHints, BadPinsSayHowToWriteThem) {
  EXPECT_EQ(error_of("[crates.openssl-sys]\napt = [\"libssl-dev=3.0.15\"]\n"),
            "ci/hints.toml:2:8: crates.openssl-sys.apt[0]: bad apt pin \"libssl-dev=3.0.15\" "
            "(write \"libssl-dev (=3.0.15)\")");
  EXPECT_EQ(error_of("[crates.openssl-sys]\napk = [\"openssl-dev (=3.3.2-r0)\"]\n"),
            "ci/hints.toml:2:8: crates.openssl-sys.apk[0]: bad apk pin \"openssl-dev (=3.3.2-r0)\" "
            "(write \"openssl-dev=3.3.2-r0\")");
  std::string shell = error_of("[crates.evil-sys]\napt = [\"libfoo-dev; rm -rf /\"]\n");
  EXPECT_NE(shell.find("is not a Debian package"), std::string::npos) << shell;
}

TEST(ReadHints, BadCrateKeysAreRejected) {
  EXPECT_NE(error_of("[crates.\"openssl-sys@banana\"]\napt = []\n").find("\"banana\" is not a version requirement"),
            std::string::npos);
  EXPECT_NE(error_of("[crates.\"a b\"]\napt = []\n").find("is not a crate name"), std::string::npos);
}

TEST(ReadHints, EveryProblemIsReportedAtOnceOneLineEach) {
  std::string error = error_of("[crates.a-sys]\napr = []\n[crates.b-sys]\napt = [\"x=1\"]\napk = 3\n");
  int lines = 1 + static_cast<int>(std::count(error.begin(), error.end(), '\n'));
  EXPECT_EQ(lines, 3) << error;
  EXPECT_NE(error.find("ci/hints.toml:2:"), std::string::npos);
  EXPECT_NE(error.find("ci/hints.toml:4:"), std::string::npos);
  EXPECT_NE(error.find("ci/hints.toml:5:"), std::string::npos);
}

TEST(ReadHints, InvalidTomlNamesTheLine) {
  EXPECT_EQ(error_of("[crates.a-sys\n").rfind("ci/hints.toml:1:", 0), 0u);
}

TEST(ReadHints, CargoGreenAddListsAreRead) {
  toml::table green = toml::parse(R"(add.apt = ["libpq-dev"]
add.apt-get = ["pkg-config"]
add.apk = ["libpq-dev"]
base-image = "ignored: cargo-green's own business"
)");
  std::string crate = "pq-sys";
  HintSource source = read_green_table(green, &crate, "0.4.6", "Cargo.toml of pq-sys@0.4.6", "green");
  ASSERT_EQ(source.crates.size(), 1u);
  EXPECT_EQ(source.crates[0].crate, "pq-sys");
  EXPECT_TRUE(source.crates[0].req->matches(*model::Version::parse("0.4.6")));
  EXPECT_FALSE(source.crates[0].req->matches(*model::Version::parse("0.4.7")));
  EXPECT_EQ(source.crates[0].packages.at(Distro::debian).size(), 2u);
  HintSource workspace = read_green_table(green, nullptr, "", "workspace", "green");
  EXPECT_TRUE(workspace.crates.empty());
  EXPECT_EQ(workspace.everywhere.at(Distro::alpine).size(), 1u);
}

TEST(ReadHints, AddedPackagesAreCheckedLikeFiles) {
  HintSource added = added_packages_source("libfoo-dev, pkg-config,,", "");
  EXPECT_EQ(added.everywhere.at(Distro::debian).size(), 2u);
  EXPECT_THROW(added_packages_source("Bad Name", ""), InputError);
}

TEST(ReadHints, TheBuiltInDatabaseReadsAndKnowsTheCommonSysCrates) {
  const HintSource& builtin = builtin_hints();
  auto find = [&builtin](const std::string& crate) -> const CrateHint* {
    for (const auto& hint : builtin.crates) {
      if (hint.crate == crate) {
        return &hint;
      }
    }
    return nullptr;
  };
  const CrateHint* openssl = find("openssl-sys");
  ASSERT_NE(openssl, nullptr);
  EXPECT_EQ(openssl->packages.at(Distro::debian), (std::vector<SystemPackage>{{"libssl-dev", ""}, {"pkg-config", ""}}));
  EXPECT_EQ(openssl->packages.at(Distro::alpine), (std::vector<SystemPackage>{{"openssl-dev", ""}, {"pkgconf", ""}}));
  ASSERT_NE(find("libz-sys"), nullptr);
  ASSERT_NE(find("bzip2-sys"), nullptr);
  EXPECT_GE(builtin.crates.size(), 50u);
}

}  // namespace
}  // namespace recipe::hints
