#include "generator/cargo/metadata.hpp"

#include <filesystem>
#include <functional>

#include <gtest/gtest.h>

#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::cargo {
namespace {

std::string error_of(const std::string& text, const std::string& origin = "meta.json") {
  try {
    parse_metadata(text, origin);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Metadata, EveryRealFixtureParses) {
  for (const char* folder : {"small", "large", "guppy"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(testing::test_data(std::string("fixtures/guppy/") + folder))) {
      SCOPED_TRACE(entry.path().string());
      model::Workspace ws = parse_metadata(read_file(entry.path()), entry.path().filename().string());
      EXPECT_FALSE(ws.packages.empty());
      EXPECT_FALSE(ws.members.empty());
    }
  }
}

TEST(Metadata, PackagesGetStableKeysAndRelativePaths) {
  std::string path = testing::test_data("fixtures/guppy/small/metadata1.json");
  model::Workspace ws = parse_metadata(read_file(path), "metadata1.json");
  ASSERT_TRUE(std::is_sorted(ws.packages.begin(), ws.packages.end(),
                             [](const auto& a, const auto& b) { return a.key < b.key; }));
  const model::Package& root = ws.package(ws.members.front());
  EXPECT_EQ(root.key, "testcrate@0.1.0");
  EXPECT_EQ(root.source.kind, model::Source::Kind::path);
  EXPECT_EQ(root.source.relative_path, "");
  for (const auto& target : root.targets) {
    EXPECT_FALSE(std::filesystem::path(target.src_path).is_absolute()) << target.src_path;
  }
}

TEST(Metadata, ImplicitFeaturesFollowCargoRules) {
  // "dep:b" hides the implicit feature "b"; "c" gets one; "d/x" does not hide "d".
  std::string json = R"json({"version":1,"workspace_root":"/w","workspace_members":["a 1.0.0 (path+file:///w)"],
    "resolve":{"nodes":[{"id":"a 1.0.0 (path+file:///w)","deps":[]}]},"packages":[{"id":"a 1.0.0 (path+file:///w)","name":"a","version":"1.0.0","source":null,
    "manifest_path":"/w/Cargo.toml","targets":[],"features":{"use-b":["dep:b"],"dx":["d/x"]},"dependencies":[
    {"name":"b","optional":true,"kind":null},{"name":"c","optional":true,"kind":null},{"name":"d","optional":true,"kind":null}]}]})json";
  model::Workspace ws = parse_metadata(json, "m.json");
  const auto& features = ws.packages.front().features;
  EXPECT_FALSE(features.contains("b"));
  EXPECT_EQ(features.at("c"), std::vector<std::string>{"dep:c"});
  EXPECT_EQ(features.at("d"), std::vector<std::string>{"dep:d"});
}

TEST(Metadata, InvalidFixturesAreRejectedWithTheirCause) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"build_targets_duplicate_lib.json", "library targets"},
      {"build_targets_empty_kinds.json", "has no kind"},
      {"build_targets_non_bin.json", "crate types are not [\"bin\"]"},
      {"duplicate_workspace_names.json", "two members are named \"pkg\""},
      {"invalid_default_member.json", "is not a workspace member"},
      {"named_feature_self_loop.json", "includes itself"},
      {"optional_dev_dep.json", "cannot be optional"},
  };
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::test_data("fixtures/guppy/invalid"))) {
    ++files;
    std::string name = entry.path().filename().string();
    auto expected = std::find_if(cases.begin(), cases.end(), [&name](const auto& c) { return c.first == name; });
    ASSERT_NE(expected, cases.end()) << "no expectation for " << name;
    std::string message = error_of(read_file(entry.path()), name);
    EXPECT_NE(message.find(name + ": "), std::string::npos) << message;
    EXPECT_NE(message.find(expected->second), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
  }
  EXPECT_EQ(files, cases.size());
}

// Metadata of `count` packages p0..p{count-1}, each with a resolve node without dependencies
// (or the nodes `nodes` when given); `edit` may spoil any package.
std::string packages_json(size_t count, const std::function<void(size_t, std::string&)>& edit,
                          const std::string& nodes = "") {
  std::string packages;
  std::string empty_nodes;
  for (size_t i = 0; i < count; ++i) {
    std::string name = "p" + std::to_string(i);
    std::string id = name + " 1.0.0 (path+file:///w/" + name + ")";
    std::string pkg = R"j({"id":")j" + id + R"j(","name":")j" + name +
                      R"j(","version":"1.0.0","source":null,"manifest_path":"/w/)j" + name +
                      R"j(/Cargo.toml","targets":[],"features":{},"dependencies":[]})j";
    edit(i, pkg);
    packages += (i == 0 ? "" : ",") + pkg;
    empty_nodes += std::string(i == 0 ? "" : ",") + R"j({"id":")j" + id + R"j(","deps":[]})j";
  }
  return R"j({"version":1,"workspace_root":"/w","workspace_members":["p0 1.0.0 (path+file:///w/p0)"],)j"
         R"j("resolve":{"nodes":[)j" +
         (nodes.empty() ? empty_nodes : nodes) + R"j(]},"packages":[)j" + packages + "]}";
}

void replace(std::string& text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
}

TEST(Metadata, EveryBadPackageIsReportedAtOnceEachByItsFirstProblem) {
  // Per package: its identity fields, then a duplicate id, then the rest.
  auto duplicate_of_p1 = [](std::string& pkg) {
    replace(pkg, R"j("id":"p7 1.0.0 (path+file:///w/p7)")j", R"j("id":"p1 1.0.0 (path+file:///w/p1)")j");
  };
  auto bad_targets = [](std::string& pkg) { replace(pkg, R"("targets":[])", R"("targets":7)"); };
  const std::string targets_3 = "meta.json: packages[3] (p3 1.0.0): field \"targets\" must be an array";
  const std::string duplicate_7 = "meta.json: packages[7] (p7 1.0.0): duplicate package id";

  std::string json = packages_json(10, [&](size_t i, std::string& pkg) {
    if (i == 3)
      bad_targets(pkg);
    if (i == 7)
      duplicate_of_p1(pkg);
  });
  EXPECT_EQ(error_of(json), targets_3 + "\n" + duplicate_7);

  // In one package, a duplicate id comes before a bad field, which is then not reported.
  json = packages_json(10, [&](size_t i, std::string& pkg) {
    if (i == 7) {
      duplicate_of_p1(pkg);
      bad_targets(pkg);
    }
  });
  EXPECT_EQ(error_of(json), duplicate_7);

  // A package whose id cannot be read fails on that, and takes part in no duplicate check.
  json = packages_json(10, [&](size_t i, std::string& pkg) {
    if (i == 1)
      replace(pkg, R"("name":"p1")", R"("name":1)");
    if (i == 7)
      duplicate_of_p1(pkg);
  });
  EXPECT_EQ(error_of(json), "meta.json: packages[1]: field \"name\" must be a string");

  // And a clean one parses, every package kept in order of keys.
  model::Workspace ws = parse_metadata(packages_json(10, [](size_t, std::string&) {}), "meta.json");
  EXPECT_EQ(ws.packages.size(), 10u);
}

TEST(Metadata, TwoTargetsOfOneKindAndNameAreRejected) {
  std::string json = packages_json(1, [](size_t, std::string& pkg) {
    std::string bin = R"j({"name":"tool","kind":["bin"],"crate_types":["bin"],"src_path":"/w/p0/src/main.rs"})j";
    replace(pkg, R"("targets":[])", R"("targets":[)" + bin + "," + bin + "]");
  });
  EXPECT_EQ(error_of(json),
            "meta.json: packages[0] (p0 1.0.0): has two bin targets named \"tool\" (cargo rejects such a manifest)");
}

TEST(Metadata, ResolveErrorsNameTheNodeAndTheDependency) {
  std::string json = packages_json(
      2, [](size_t, std::string&) {},
      R"j({"id":"p0 1.0.0 (path+file:///w/p0)","deps":[]},)j"
      R"j({"id":"p1 1.0.0 (path+file:///w/p1)","deps":[{"pkg":"p0 1.0.0 (path+file:///w/p0)","name":"p0"},{"pkg":7}]})j");
  EXPECT_EQ(error_of(json), "meta.json: resolve.nodes[1].deps[1]: field \"pkg\" must be a string");
}

TEST(Metadata, TruncatedJsonNamesLineAndColumn) {
  std::string text = read_file(testing::test_data("fixtures/guppy/small/metadata1.json"));
  std::string message = error_of(text.substr(0, 2000));
  EXPECT_TRUE(message.starts_with("meta.json:")) << message;
  EXPECT_NE(message.find("invalid JSON"), std::string::npos) << message;
}

TEST(Metadata, WrongFormatVersionIsRejected) {
  std::string message = error_of(R"({"version": 2, "packages": []})");
  EXPECT_NE(message.find("unsupported metadata format version 2"), std::string::npos) << message;
}

TEST(Metadata, MissingResolveIsExplained) {
  std::string message =
      error_of(R"({"version":1,"workspace_root":"/w","packages":[],"workspace_members":[],"resolve":null})");
  EXPECT_NE(message.find("--no-deps"), std::string::npos) << message;
}

TEST(Metadata, AFormatVersionBeyond32BitsIsNotVersionOne) {
  std::string json = packages_json(1, [](size_t, std::string&) {});
  replace(json, R"("version":1,)", R"("version":4294967297,)");
  EXPECT_EQ(error_of(json),
            "meta.json: version: unsupported metadata format version 4294967297 "
            "(expected 1: run cargo metadata --format-version 1)");
  replace(json, "4294967297", "1.0");
  EXPECT_NE(error_of(json).find("unsupported metadata format version 1.0 "), std::string::npos);
}

TEST(Metadata, EveryPackageNeedsOneResolveNode) {
  // cargo metadata lists one node per package; an empty list would plan every package without
  // its dependencies.
  std::string json = packages_json(
      2, [](size_t, std::string&) {}, " ");
  EXPECT_EQ(error_of(json),
            "meta.json: resolve.nodes: package \"p0 1.0.0 (path+file:///w/p0)\" and 1 more have "
            "no node (cargo metadata lists one per package)");
  json = packages_json(
      2, [](size_t, std::string&) {}, R"j({"id":"p0 1.0.0 (path+file:///w/p0)","deps":[]})j");
  EXPECT_EQ(error_of(json),
            "meta.json: resolve.nodes: package \"p1 1.0.0 (path+file:///w/p1)\" has no node "
            "(cargo metadata lists one per package)");
  json = packages_json(
      1, [](size_t, std::string&) {},
      R"j({"id":"p0 1.0.0 (path+file:///w/p0)","deps":[]},{"id":"p0 1.0.0 (path+file:///w/p0)","deps":[]})j");
  EXPECT_EQ(error_of(json), "meta.json: resolve.nodes[1]: a second node for \"p0 1.0.0 (path+file:///w/p0)\"");
}

TEST(Metadata, ADepKindsEntryOfTheWrongTypeIsAnInputErrorNamingIt) {
  auto with_kinds = [](const std::string& kinds) {
    return packages_json(
        2, [](size_t, std::string&) {},
        R"j({"id":"p0 1.0.0 (path+file:///w/p0)","deps":[]},)j"
        R"j({"id":"p1 1.0.0 (path+file:///w/p1)","deps":[{"pkg":"p0 1.0.0 (path+file:///w/p0)",)j"
        R"j("name":"p0","dep_kinds":)j" +
            kinds + "}]}");
  };
  EXPECT_EQ(error_of(with_kinds(R"([{"kind":null},7])")),
            "meta.json: resolve.nodes[1].deps[0].dep_kinds[1]: expected an object");
  EXPECT_EQ(error_of(with_kinds(R"({"kind":null})")),
            "meta.json: resolve.nodes[1].deps[0]: field \"dep_kinds\" must be an array of objects");
  EXPECT_EQ(error_of(with_kinds(R"([{"kind":"dev","target":7}])")),
            "meta.json: resolve.nodes[1].deps[0].dep_kinds[0]: field \"target\" must be a string or null");
  EXPECT_EQ(error_of(with_kinds(R"([{"kind":["dev"]}])")),
            "meta.json: resolve.nodes[1].deps[0].dep_kinds[0]: unknown dependency kind [\"dev\"] (expected null, "
            "\"dev\" or \"build\")");
  EXPECT_EQ(error_of(with_kinds(R"([{"kind":"build"}])")), "");
}

TEST(Metadata, ANulByteInAStringIsRefused) {
  EXPECT_EQ(error_of(packages_json(2,
                                   [](size_t i, std::string& pkg) {
                                     if (i == 1)
                                       replace(pkg, R"("version":"1.0.0")", R"("version":"1.0.0\u0000x")");
                                   })),
            "meta.json: packages[1]: field \"version\" holds a NUL byte");
  EXPECT_EQ(
      error_of(packages_json(
          1, [](size_t, std::string& pkg) { replace(pkg, R"("features":{})", R"("features":{"a\u0000b":[]})"); })),
      "meta.json: packages[0] (p0 1.0.0): a feature name holds a NUL byte");
  EXPECT_EQ(
      error_of(packages_json(
          1, [](size_t, std::string& pkg) { replace(pkg, R"("features":{})", R"("features":{"a":["b\u0000"]})"); })),
      "meta.json: packages[0] (p0 1.0.0): field \"a\" holds a NUL byte");
}

TEST(Metadata, DeepNestingInToolTablesIsRefusedBeforeAnythingIsBuilt) {
  std::string json = packages_json(1, [](size_t, std::string& pkg) {
    replace(pkg, R"("features":{})",
            R"("features":{},"metadata":{"recipe":)" + std::string(100000, '[') + std::string(100000, ']') + "}");
  });
  std::string message = error_of(json);
  EXPECT_TRUE(message.starts_with("meta.json:1:")) << message;
  EXPECT_NE(message.find("JSON nested deeper than 256 levels"), std::string::npos) << message;
}

}  // namespace
}  // namespace recipe::cargo
