// run_audit_builds against a FakeProcessRunner: what each run varies, the command it records,
// what the engine is handed, and how a failed or dying engine ends the audit. No engine needed.
#include "audit/runner/audit_runs.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"
#include "tests/support/fake_process_runner.hpp"

namespace recipe::runner {
namespace {

namespace fs = std::filesystem;
using testing::exits;
using testing::FakeProcessRunner;

// A recipe that copies one folder from its context, and that folder.
class AuditRunsTest : public ::testing::Test {
 protected:
  AuditRunsTest() {
    fs::create_directories(m_dir.path() / "ws" / "app" / "src");
    write_output((m_dir.path() / "ws" / "app" / "src" / "main.rs").string(), "fn main() {}\n");
    write_output(recipe(),
                 "# a recipe\n"
                 "FROM cargo-recipe/rust-base:bookworm AS base\n"
                 "FROM scratch AS src-app-0.1.0\n"
                 "COPY app /recipe/src/app\n");
    fs::create_directories(scratch());
  }

  std::string recipe() const { return (m_dir.path() / "app.Dockerfile").string(); }
  std::string scratch() const { return (m_dir.path() / "scratch").string(); }

  AuditRunOptions options(int runs) const {
    AuditRunOptions opts;
    opts.recipe = recipe();
    opts.context = (m_dir.path() / "ws").string();
    opts.runs = runs;
    opts.scratch = scratch();
    return opts;
  }

  // Docker with BuildKit and a daemon (while `daemon_up`), and a base image.
  void install_docker(FakeProcessRunner& processes, const bool* daemon_up = nullptr) {
    processes.answer({"docker", "buildx", "version"}, exits(0));
    processes.answer({"docker", "info"}, [daemon_up](const FakeProcessRunner::Command&) {
      return daemon_up == nullptr || *daemon_up ? exits(0, "20.10.24\n") : exits(1, "", "Cannot connect\n");
    });
    processes.answer({"docker", "version", "--format", "{{.Server.Version}}"}, exits(0, "20.10.24\n"));
    processes.answer({"docker", "image", "inspect", "--format", "{{.Id}}", "cargo-recipe/rust-base:bookworm"},
                     exits(0, "sha256:base\n"));
  }

 private:
  TempDir m_dir{"audit-runs-test"};
};

// What the engine found in the staged context of one build.
struct SeenContext {
  bool has_source = false;
  fs::perms folder_perms = fs::perms::none;
};

FakeProcessRunner::Handler building(std::vector<SeenContext>& seen, ProcessResult result = exits(0)) {
  return [&seen, result](const FakeProcessRunner::Command& command) {
    const fs::path context = command.argv.back();
    seen.push_back({fs::exists(context / "app" / "src" / "main.rs"), fs::status(context / "app").permissions()});
    return result;
  };
}

std::vector<std::string> build_args_of(const FakeProcessRunner::Command& command) {
  std::vector<std::string> args;
  for (size_t i = 0; i + 1 < command.argv.size(); ++i) {
    if (command.argv[i] == "--build-arg") {
      args.push_back(command.argv[i + 1]);
    }
  }
  return args;
}

TEST_F(AuditRunsTest, EveryRunVariesWhatItSaysAndRecordsTheCommandThatRepeatsIt) {
  FakeProcessRunner processes;
  install_docker(processes);
  std::vector<SeenContext> seen;
  processes.answer({"docker", "build"}, building(seen));
  std::vector<RunRecord> records = run_audit_builds(options(3), processes);

  ASSERT_EQ(records.size(), 3u);
  std::vector<const FakeProcessRunner::Command*> builds;
  for (const auto& command : processes.commands()) {
    if (command.argv[1] == "build") {
      builds.push_back(&command);
    }
  }
  ASSERT_EQ(builds.size(), 3u);
  const std::string salt_stem = records[0].variation.at("salt").substr(0, records[0].variation.at("salt").size() - 1);
  ASSERT_EQ(salt_stem.size(), std::string("audit-0123456789abcdef-").size()) << salt_stem;
  for (size_t i = 0; i < records.size(); ++i) {
    const RunRecord& r = records[i];
    const std::string n = std::to_string(i + 1);
    SCOPED_TRACE("run " + n);
    EXPECT_EQ(r.index, static_cast<int>(i + 1));
    EXPECT_EQ(r.engine, "docker 20.10.24");
    EXPECT_EQ(r.base_image_id, "sha256:base");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.failure, "");
    EXPECT_EQ(r.tar, (fs::path(scratch()) / ("run-" + n + ".tar")).string());
    // One audit, one salt stem; each run its own salt, epoch and noise.
    EXPECT_EQ(r.variation.at("salt"), salt_stem + n);
    EXPECT_EQ(r.variation.at("source-date-epoch"), std::to_string(1600000000 + 86400 * (i + 1)));
    EXPECT_EQ(r.variation.at("env-noise"), "CARGO_RECIPE_NOISE=noise-" + n);
    EXPECT_EQ(r.variation.at("umask"), i % 2 == 1 ? "077" : "022");
    const std::string& context = r.variation.at("context-path");
    EXPECT_EQ(builds[i]->argv.back(), context);
    EXPECT_EQ(build_args_of(*builds[i]),
              (std::vector<std::string>{"CARGO_RECIPE_NOISE=noise-" + n, "CARGO_RECIPE_SALT=" + salt_stem + n,
                                        "SOURCE_DATE_EPOCH=" + r.variation.at("source-date-epoch")}));
    EXPECT_EQ(r.command, "docker build -f " + fs::absolute(recipe()).string() +
                             " --target outputs --build-arg CARGO_RECIPE_NOISE=noise-" + n +
                             " --build-arg CARGO_RECIPE_SALT=" + salt_stem + n + " --build-arg SOURCE_DATE_EPOCH=" +
                             r.variation.at("source-date-epoch") + " -o type=tar,dest=" + r.tar + " " + context);
    // The engine got exactly the recipe's sources, staged under the run's umask.
    EXPECT_TRUE(seen[i].has_source);
    bool group_or_others = (seen[i].folder_perms & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none;
    EXPECT_EQ(group_or_others, i % 2 == 0);
    EXPECT_FALSE(fs::exists(context)) << "the staged context outlives its run";
  }
  EXPECT_NE(records[0].variation.at("context-path"), records[1].variation.at("context-path"));
}

TEST_F(AuditRunsTest, WithNothingVariedOnlyTheSaltChanges) {
  FakeProcessRunner processes;
  install_docker(processes);
  std::vector<SeenContext> seen;
  processes.answer({"docker", "build"}, building(seen));
  AuditRunOptions opts = options(2);
  opts.vary.clear();
  std::vector<RunRecord> records = run_audit_builds(opts, processes);
  ASSERT_EQ(records.size(), 2u);
  for (const auto& r : records) {
    EXPECT_EQ(r.variation.size(), 2u);
    EXPECT_EQ(r.variation.at("umask"), "022");
    EXPECT_TRUE(r.variation.contains("salt"));
  }
  const auto& last_build = processes.commands().back();
  EXPECT_EQ(build_args_of(last_build),
            std::vector<std::string>{"CARGO_RECIPE_SALT=" + records[1].variation.at("salt")});
  bool group_or_others = (seen[1].folder_perms & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none;
  EXPECT_TRUE(group_or_others);
}

TEST_F(AuditRunsTest, RunnersAndBuildersAlternateFromRunToRun) {
  FakeProcessRunner processes;
  install_docker(processes);
  std::vector<SeenContext> seen;
  processes.answer({"docker", "build"}, building(seen));
  processes.answer({"buildah", "--version"}, exits(0, "buildah version 1.28.2 (image-spec 1.0.2-dev)\n"));
  processes.answer({"buildah", "inspect"}, exits(0, "5f1e\n"));
  processes.answer({"buildah", "build"}, building(seen));
  AuditRunOptions opts = options(3);
  opts.runners = {"docker", "buildah"};
  std::vector<RunRecord> records = run_audit_builds(opts, processes);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].engine, "docker 20.10.24");
  EXPECT_EQ(records[1].engine, "buildah version 1.28.2 (image-spec 1.0.2-dev)");
  EXPECT_EQ(records[1].base_image_id, "sha256:5f1e");
  EXPECT_TRUE(records[1].command.starts_with("buildah build -f "));
  EXPECT_EQ(records[2].engine, "docker 20.10.24");

  FakeProcessRunner two_daemons;
  install_docker(two_daemons);
  two_daemons.answer({"docker", "build"}, building(seen));
  opts.runners = {""};
  opts.builders = {"unix:///a.sock", "unix:///b.sock"};
  records = run_audit_builds(opts, two_daemons);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].engine, "docker 20.10.24 at unix:///a.sock");
  EXPECT_EQ(records[1].engine, "docker 20.10.24 at unix:///b.sock");
  EXPECT_TRUE(records[1].command.starts_with("docker@unix:///b.sock build -f "));
  EXPECT_EQ(records[2].engine, "docker 20.10.24 at unix:///a.sock");
  std::vector<std::string> hosts;
  for (const auto& command : two_daemons.commands()) {
    if (command.argv[1] == "build") {
      hosts.push_back(command.opts.env.at("DOCKER_HOST"));
    }
  }
  EXPECT_EQ(hosts, (std::vector<std::string>{"unix:///a.sock", "unix:///b.sock", "unix:///a.sock"}));
}

TEST_F(AuditRunsTest, AFailedRunEndsTheAuditAndSaysWhereAndWhetherTheEngineDied) {
  const std::string failing_log =
      "#9 [lib-app-0.1.0-1a2b3c4d5e6f 1/1] RUN [\"/usr/bin/env\", \"-i\"]\n"
      "#9 0.2 error[E0425]: cannot find value `x` in this scope\n"
      "#9 ERROR: executor failed running [/usr/bin/env -i]: exit code: 1\n"
      "------\n"
      " > [lib-app-0.1.0-1a2b3c4d5e6f 1/1] RUN [\"/usr/bin/env\", \"-i\"]:\n"
      "------\n";
  struct Case {
    std::string what;
    std::string log;
    bool daemon_dies;
    std::string failure;
  };
  const std::vector<Case> cases = {
      {"the log names the stage", failing_log, false,
       "the build of run 2 failed (exit 1) in stage lib-app-0.1.0-1a2b3c4d5e6f: error[E0425]: cannot find value `x` "
       "in this scope"},
      {"a log without a failed step", "#1 something went wrong\n", false,
       "the build of run 2 failed (exit 1); its log is above"},
      {"the daemon stops answering", "#1 connection reset\n", true, "docker stopped answering during run 2"},
      {"the engine fails on its own",
       "#9 ERROR: executor failed running [/usr/bin/env -i]: flightcontrol: exceeded retry timeout\n", false,
       "the build of run 2 failed (exit 1) inside the engine, not in a unit (flightcontrol: exceeded retry timeout)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    FakeProcessRunner processes;
    bool daemon_up = true;
    install_docker(processes, &daemon_up);
    int builds = 0;
    processes.answer({"docker", "build"}, [&](const FakeProcessRunner::Command&) {
      if (++builds < 2) {
        return exits(0);
      }
      daemon_up = !c.daemon_dies;
      return exits(1, "", c.log);
    });
    std::vector<RunRecord> records = run_audit_builds(options(3), processes);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(builds, 2);
    EXPECT_EQ(records[0].exit_code, 0);
    EXPECT_EQ(records[1].exit_code, 1);
    EXPECT_EQ(records[1].engine_died, c.daemon_dies);
    EXPECT_EQ(records[1].failure, c.failure);
  }
}

TEST_F(AuditRunsTest, NoEngineAtAllIsAnEngineError) {
  FakeProcessRunner nothing_installed;
  EXPECT_THROW(run_audit_builds(options(2), nothing_installed), EngineError);
}

}  // namespace
}  // namespace recipe::runner
