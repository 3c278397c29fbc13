// compare_runs: a stage whose outputs differ while its text and its inputs' outputs agree in
// every run is first divergent; one whose inputs already differed is propagated.
#include "audit/compare/stage_compare.hpp"

#include <gtest/gtest.h>

namespace recipe::compare {
namespace {

using snapshot::Entry;
using snapshot::EntryType;

// Four units: a → b → c (each mounts the one before), and d on its own.
std::vector<UnitStage> chain() {
  return {
      {"lib-a", "out-lib-a", "aaaa", "lib a", "FROM base AS lib-a\nRUN build a\n", {}, "src-a"},
      {"lib-b", "out-lib-b", "bbbb", "lib b", "FROM base AS lib-b\nRUN build b\n", {"aaaa"}, "src-b"},
      {"bin-c", "out-bin-c", "cccc", "bin c", "FROM base AS bin-c\nRUN build c\n", {"bbbb"}, "src-c"},
      {"lib-d", "out-lib-d", "dddd", "lib d", "FROM base AS lib-d\nRUN build d\n", {}, "src-d"},
  };
}

Entry file(const std::string& path, const std::string& content, int64_t mtime = 0, uint32_t mode = 0644) {
  Entry e;
  e.path = path;
  e.type = EntryType::file;
  e.mode = mode;
  e.size = content.size();
  e.mtime = mtime;
  e.xxh3 = "x-" + content;
  e.sha256 = "s-" + content;
  return e;
}

// One run where every unit wrote "<unit>.out" with content "<unit>" unless `changes` says otherwise.
RunOutputs run(std::map<std::string, std::vector<Entry>> changes = {}) {
  RunOutputs out;
  for (const char* unit : {"aaaa", "bbbb", "cccc", "dddd"}) {
    out[unit] = {file(std::string(unit) + ".out", unit)};
  }
  for (auto& [unit, entries] : changes) {
    if (entries.empty()) {
      out.erase(unit);
    } else {
      out[unit] = entries;
    }
  }
  return out;
}

struct Expect {
  OutputStatus status;
  Role role;
  bool same_inputs;
};

struct CompareCase {
  std::string what;
  std::vector<RunOutputs> runs;
  std::vector<Expect> stages;  // a, b, c, d
};

constexpr Expect k_same{OutputStatus::identical, Role::reproducible, true};

TEST(CompareRuns, FirstDivergentNeedsTheSameInputsAndPropagatedInheritsADifference) {
  const std::vector<CompareCase> cases = {
      {"all runs alike", {run(), run(), run()}, {k_same, k_same, k_same, k_same}},
      {"a differs: b and c inherit it",
       {run(), run({{"aaaa", {file("aaaa.out", "clock 2")}},
                    {"bbbb", {file("bbbb.out", "b with clock 2")}},
                    {"cccc", {file("cccc.out", "c with clock 2")}}})},
       {{OutputStatus::content_differs, Role::first_divergent, true},
        {OutputStatus::content_differs, Role::propagated, false},
        {OutputStatus::content_differs, Role::propagated, false},
        k_same}},
      {"a differs, b absorbs it: b is the same bytes from other inputs, c is untouched",
       {run(), run({{"aaaa", {file("aaaa.out", "clock 2")}}})},
       {{OutputStatus::content_differs, Role::first_divergent, true},
        {OutputStatus::identical, Role::reproducible, false},
        k_same,
        k_same}},
      {"b differs from the same a: b is first, c follows",
       {run(), run({{"bbbb", {file("bbbb.out", "b shuffled")}}, {"cccc", {file("cccc.out", "c shuffled")}}})},
       {k_same,
        {OutputStatus::content_differs, Role::first_divergent, true},
        {OutputStatus::content_differs, Role::propagated, false},
        k_same}},
      {"c differs on its own although it comes last",
       {run(), run({{"cccc", {file("cccc.out", "c again")}}})},
       {k_same, k_same, {OutputStatus::content_differs, Role::first_divergent, true}, k_same}},
      {"two independent roots diverge: both are first",
       {run(), run({{"aaaa", {file("aaaa.out", "a2")}}, {"dddd", {file("dddd.out", "d2")}}})},
       {{OutputStatus::content_differs, Role::first_divergent, true},
        {OutputStatus::identical, Role::reproducible, false},
        k_same,
        {OutputStatus::content_differs, Role::first_divergent, true}}},
      {"metadata of an input is not an input: b differing is first divergent",
       {run(), run({{"aaaa", {file("aaaa.out", "aaaa", 99)}}, {"bbbb", {file("bbbb.out", "b2")}}})},
       {{OutputStatus::metadata_only, Role::reproducible, true},
        {OutputStatus::content_differs, Role::first_divergent, true},
        {OutputStatus::identical, Role::reproducible, false},
        k_same}},
      {"a mode change alone is metadata only",
       {run(), run({{"dddd", {file("dddd.out", "dddd", 0, 0600)}}})},
       {k_same, k_same, k_same, {OutputStatus::metadata_only, Role::reproducible, true}}},
      {"a unit missing from one run: first divergent, and its dependent propagated",
       {run(), run({{"aaaa", {}}}), run()},
       {{OutputStatus::missing, Role::first_divergent, true},
        {OutputStatus::identical, Role::reproducible, false},
        k_same,
        k_same}},
      {"only the third run differs",
       {run(), run(), run({{"bbbb", {file("bbbb.out", "b3")}}})},
       {k_same,
        {OutputStatus::content_differs, Role::first_divergent, true},
        {OutputStatus::identical, Role::reproducible, false},
        k_same}},
  };
  const std::vector<UnitStage> stages = chain();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    std::vector<StageResult> results = compare_runs(stages, c.runs);
    ASSERT_EQ(results.size(), stages.size());
    for (size_t i = 0; i < stages.size(); ++i) {
      SCOPED_TRACE(stages[i].stage);
      EXPECT_EQ(results[i].stage, &stages[i]);
      EXPECT_STREQ(to_string(results[i].status), to_string(c.stages[i].status));
      EXPECT_STREQ(to_string(results[i].role), to_string(c.stages[i].role));
      EXPECT_EQ(results[i].same_inputs, c.stages[i].same_inputs);
      EXPECT_EQ(results[i].output_digests.size(), c.runs.size());
      EXPECT_EQ(results[i].stage_keys.size(), c.runs.size());
    }
  }
}

TEST(CompareRuns, TheOrderOfTheStagesDoesNotChangeTheirRoles) {
  std::vector<RunOutputs> runs = {run(), run({{"aaaa", {file("aaaa.out", "a2")}}, {"bbbb", {file("bbbb.out", "b2")}}})};
  std::vector<UnitStage> forward = chain();
  std::vector<UnitStage> backward(forward.rbegin(), forward.rend());
  std::vector<StageResult> in_order = compare_runs(forward, runs);
  std::vector<StageResult> reversed = compare_runs(backward, runs);
  for (size_t i = 0; i < forward.size(); ++i) {
    const StageResult& other = reversed[forward.size() - 1 - i];
    EXPECT_EQ(other.stage->stage, forward[i].stage);
    EXPECT_EQ(other.role, in_order[i].role) << forward[i].stage;
    EXPECT_EQ(other.stage_keys, in_order[i].stage_keys) << forward[i].stage;
  }
  EXPECT_EQ(in_order[1].role, Role::propagated);
}

TEST(CompareRuns, AStagesTextIsPartOfItsKey) {
  // The same outputs of a, but b's stage text differs between the recipes of two runs: b's
  // different output is then not proven to come from the same inputs.
  std::vector<UnitStage> stages = chain();
  std::vector<RunOutputs> runs = {run(), run({{"bbbb", {file("bbbb.out", "b2")}}})};
  std::vector<StageResult> same_text = compare_runs(stages, runs);
  EXPECT_EQ(same_text[1].stage_keys[0], same_text[1].stage_keys[1]);
  EXPECT_NE(same_text[1].stage_keys[0], same_text[0].stage_keys[0]);
  stages[1].inputs = {"aaaa", "dddd"};
  std::vector<StageResult> more_inputs = compare_runs(stages, runs);
  EXPECT_NE(more_inputs[1].stage_keys[0], same_text[1].stage_keys[0]);
}

TEST(CompareRuns, TheDifferencesAreListedFileByFileAgainstTheFirstDifferingRun) {
  Entry link;
  link.path = "lib.so";
  link.type = EntryType::symlink;
  link.link_target = "lib.so.1";
  Entry relinked = link;
  relinked.link_target = "lib.so.2";
  Entry as_dir;
  as_dir.path = "gen";
  as_dir.type = EntryType::directory;
  as_dir.mode = 0644;
  Entry owned = file("owned", "same");
  owned.uid = 1000;
  owned.gid = 1000;
  std::vector<RunOutputs> runs = {
      run({{"aaaa",
            {file("content", "one"), file("gen", "a file"), link, file("gone", "g"), file("stamp", "s", 10),
             file("mode", "m"), file("owned", "same")}}}),
      run(),
      run({{"aaaa",
            {file("content", "two"), as_dir, relinked, file("stamp", "s", 20), file("mode", "m", 0, 0755), owned,
             file("new", "n")}}}),
  };
  std::vector<StageResult> results = compare_runs(chain(), runs);
  const StageResult& a = results[0];
  EXPECT_EQ(a.differing_run, 1);  // run 2 (index 1) lacks every one of those files already
  results = compare_runs(chain(), {runs[0], runs[2]});
  const StageResult& against_third = results[0];
  EXPECT_EQ(against_third.differing_run, 1);
  std::vector<std::vector<std::string>> listed;
  for (const auto& d : against_third.differences) {
    listed.push_back({d.path, d.what, d.first, d.other});
  }
  const std::vector<std::vector<std::string>> expected = {
      {"content", "content", "s-one", "s-two"}, {"gen", "type", "0", "1"},
      {"gone", "missing", "x-g", ""},           {"lib.so", "link", "lib.so.1", "lib.so.2"},
      {"mode", "mode", "420", "493"},           {"owned", "owner", "0:0", "1000:1000"},
      {"stamp", "mtime", "10", "20"},           {"new", "extra", "", "x-n"},
  };
  EXPECT_EQ(listed, expected);

  std::vector<StageResult> missing = compare_runs(chain(), {run(), run({{"dddd", {}}})});
  ASSERT_EQ(missing[3].differences.size(), 1u);
  EXPECT_EQ(missing[3].differences[0].what, "missing");
  EXPECT_EQ(missing[3].differences[0].first, "present");
  EXPECT_EQ(missing[3].differences[0].other, "");
  EXPECT_EQ(missing[0].differing_run, -1);
  EXPECT_TRUE(missing[0].differences.empty());
}

}  // namespace
}  // namespace recipe::compare
