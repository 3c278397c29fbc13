// find_engine and the two engines, against a FakeProcessRunner: which client is chosen, what is
// asked of it, and the exact build command lines. No engine is needed.
#include "audit/runner/engine.hpp"

#include <gtest/gtest.h>

#include "generator/support/error.hpp"
#include "tests/support/fake_process_runner.hpp"

namespace recipe::runner {
namespace {

using testing::exits;
using testing::FakeProcessRunner;
using Argv = std::vector<std::string>;

const Argv k_buildx_version = {"docker", "buildx", "version"};
const Argv k_client_version = {"docker", "version", "--format", "{{.Client.Version}}"};
const Argv k_daemon_info = {"docker", "info", "--format", "{{.ServerVersion}}"};
const Argv k_usr_buildx_version = {"/usr/bin/docker", "buildx", "version"};
const Argv k_usr_daemon_info = {"/usr/bin/docker", "info", "--format", "{{.ServerVersion}}"};
const Argv k_buildah_version = {"buildah", "--version"};

struct FindCase {
  std::string what;
  std::string preference;
  std::string docker_host;
  std::vector<std::pair<Argv, ProcessResult>> installed;  // what answers, and how
  std::string engine;                                     // name() of the engine found, "" if none
  std::string client;                                     // argv[0] the engine then runs
  std::vector<Argv> asked;                                // every command find_engine ran
  std::string error;                                      // EngineError's message when none
};

TEST(FindEngine, ChoosesTheFirstClientThatReachesBuildKitAndADaemonThenBuildah) {
  const ProcessResult ok = exits(0, "20.10.24\n");
  const ProcessResult buildah = exits(0, "buildah version 1.28.2 (image-spec 1.0.2-dev, runtime-spec 1.0.2-dev)\n");
  const std::vector<FindCase> cases = {
      {"a client with buildx and a daemon",
       "",
       "",
       {{k_buildx_version, ok}, {k_daemon_info, ok}},
       "docker",
       "docker",
       {k_buildx_version, k_daemon_info},
       ""},
      {"a 20.10 client without buildx has BuildKit built in",
       "",
       "",
       {{k_client_version, ok}, {k_daemon_info, ok}},
       "docker",
       "docker",
       {k_buildx_version, k_client_version, k_daemon_info},
       ""},
      {"a client of 24 without buildx falls back to Debian's",
       "",
       "",
       {{k_client_version, exits(0, "24.0.5\n")}, {k_usr_buildx_version, ok}, {k_usr_daemon_info, ok}},
       "docker",
       "/usr/bin/docker",
       {k_buildx_version, k_client_version, k_usr_buildx_version, k_usr_daemon_info},
       ""},
      {"no daemon answers: buildah",
       "",
       "",
       {{k_buildx_version, ok}, {k_usr_buildx_version, ok}, {k_buildah_version, buildah}},
       "buildah",
       "buildah",
       {k_buildx_version, k_daemon_info, k_usr_buildx_version, k_usr_daemon_info, k_buildah_version},
       ""},
      {"buildah asked for: docker is not asked",
       "buildah",
       "",
       {{k_buildx_version, ok}, {k_daemon_info, ok}, {k_buildah_version, buildah}},
       "buildah",
       "buildah",
       {k_buildah_version},
       ""},
      {"docker asked for: buildah is not tried",
       "docker",
       "",
       {{k_buildx_version, ok}, {k_usr_buildx_version, ok}, {k_buildah_version, buildah}},
       "",
       "",
       {k_buildx_version, k_daemon_info, k_usr_buildx_version, k_usr_daemon_info},
       "no build engine available: docker (no daemon answers: start dockerd, or set DOCKER_HOST); /usr/bin/docker "
       "(no daemon answers: start dockerd, or set DOCKER_HOST)"},
      {"nothing installed",
       "",
       "",
       {},
       "",
       "",
       {k_buildx_version,
        k_client_version,
        k_usr_buildx_version,
        {"/usr/bin/docker", "version", "--format", "{{.Client.Version}}"},
        k_buildah_version},
       "no build engine available: docker (no BuildKit: needs buildx or a client older than 23); /usr/bin/docker (no "
       "BuildKit: needs buildx or a client older than 23); buildah (not installed)"},
      {"a second daemon names the engine",
       "docker",
       "unix:///srv/d2.sock",
       {{k_buildx_version, ok}, {k_daemon_info, ok}},
       "docker@unix:///srv/d2.sock",
       "docker",
       {k_buildx_version, k_daemon_info},
       ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    FakeProcessRunner processes;
    for (const auto& [argv, result] : c.installed) {
      processes.answer(argv, result);
    }
    if (c.error.empty()) {
      std::unique_ptr<Engine> engine = find_engine(c.preference, processes, c.docker_host);
      EXPECT_EQ(processes.argvs(), c.asked);
      EXPECT_EQ(engine->name(), c.engine);
      engine->alive();
      EXPECT_EQ(processes.argvs().back().front(), c.client);
    } else {
      try {
        find_engine(c.preference, processes, c.docker_host);
        ADD_FAILURE() << "no EngineError";
      } catch (const EngineError& e) {
        EXPECT_EQ(std::string(e.what()), c.error);
      }
      EXPECT_EQ(processes.argvs(), c.asked);
    }
  }
}

TEST(FindEngine, OnlyDaemonQuestionsGoToTheNamedDaemon) {
  FakeProcessRunner processes;
  processes.answer(k_buildx_version, exits(0)).answer(k_daemon_info, exits(0, "20.10.24\n"));
  find_engine("", processes, "tcp://10.0.0.2:2375")->image_id("cargo-recipe/rust-base:bookworm");
  ASSERT_EQ(processes.commands().size(), 3u);
  EXPECT_FALSE(processes.commands()[0].opts.env.contains("DOCKER_HOST"));  // buildx is the client's
  EXPECT_EQ(processes.commands()[1].opts.env.at("DOCKER_HOST"), "tcp://10.0.0.2:2375");
  EXPECT_EQ(processes.commands()[2].opts.env.at("DOCKER_HOST"), "tcp://10.0.0.2:2375");
}

TEST(FindEngine, AnUnknownRunnerIsBadInput) {
  FakeProcessRunner processes;
  try {
    find_engine("podman", processes);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "unknown runner \"podman\" (expected docker or buildah)");
  }
  EXPECT_TRUE(processes.commands().empty());
}

BuildRequest audit_request() {
  BuildRequest request;
  request.dockerfile = "/w/app.Dockerfile";
  request.context = "/ctx/1";
  request.target = "outputs";
  request.output_tar = "/scratch/run-1.tar";
  request.build_args = {{"CARGO_RECIPE_SALT", "audit-x-1"}, {"SOURCE_DATE_EPOCH", "1600086400"}};
  return request;
}

TEST(DockerEngine, BuildsWithBuildKitPlainProgressAndTheRequestsWords) {
  FakeProcessRunner processes;
  processes.answer(k_buildx_version, exits(0)).answer(k_daemon_info, exits(0));
  processes.answer({"docker", "build"}, exits(0, "", "#1 [internal] load build definition\n#2 DONE 0.1s\n"));
  std::unique_ptr<Engine> engine = find_engine("docker", processes, "unix:///d2.sock");
  BuildRequest request = audit_request();
  request.no_cache = true;
  request.show_progress = false;
  std::vector<std::string> log_lines;
  request.on_log_line = [&log_lines](std::string_view line) { log_lines.emplace_back(line); };
  BuildResult result = engine->build(request);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.log, "#1 [internal] load build definition\n#2 DONE 0.1s\n");
  EXPECT_EQ(log_lines, (std::vector<std::string>{"#1 [internal] load build definition", "#2 DONE 0.1s"}));
  const auto& build = processes.commands().back();
  EXPECT_EQ(build.argv, (Argv{"docker", "build", "--progress=plain", "-f", "/w/app.Dockerfile", "--target", "outputs",
                              "--no-cache", "--build-arg", "CARGO_RECIPE_SALT=audit-x-1", "--build-arg",
                              "SOURCE_DATE_EPOCH=1600086400", "-o", "type=tar,dest=/scratch/run-1.tar", "/ctx/1"}));
  EXPECT_EQ(build.opts.env,
            (std::map<std::string, std::string>{{"DOCKER_BUILDKIT", "1"}, {"DOCKER_HOST", "unix:///d2.sock"}}));
  EXPECT_FALSE(build.opts.mirror_stderr);
}

TEST(DockerEngine, VersionAndImageIdAreTheDaemonsFirstLine) {
  FakeProcessRunner processes;
  processes.answer(k_buildx_version, exits(0)).answer(k_daemon_info, exits(0));
  processes.answer({"docker", "version", "--format", "{{.Server.Version}}"}, exits(0, "20.10.24\n"));
  processes.answer({"docker", "image", "inspect", "--format", "{{.Id}}", "base:1"}, exits(0, "sha256:ab12\n"));
  processes.answer({"docker", "image", "inspect"}, exits(1, "", "Error: No such image\n"));
  std::unique_ptr<Engine> engine = find_engine("docker", processes);
  EXPECT_EQ(engine->version(), "docker 20.10.24");
  EXPECT_EQ(engine->image_id("base:1"), "sha256:ab12");
  EXPECT_EQ(engine->image_id("absent:1"), "");
}

TEST(BuildahEngine, BuildsWithoutLayersAndItsLogIsBothStreams) {
  FakeProcessRunner processes;
  processes.answer(k_buildah_version, exits(0, "buildah version 1.28.2 (image-spec 1.0.2-dev)\n"));
  processes.answer({"buildah", "build"}, exits(2, "STEP 1/3: FROM base\n", "error building at STEP 2\n"));
  processes.answer({"buildah", "inspect"}, exits(0, "5f1e\n"));
  std::unique_ptr<Engine> engine = find_engine("buildah", processes);
  EXPECT_EQ(engine->version(), "buildah version 1.28.2 (image-spec 1.0.2-dev)");
  EXPECT_EQ(engine->image_id("base:1"), "sha256:5f1e");
  BuildResult result = engine->build(audit_request());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.log, "error building at STEP 2\nSTEP 1/3: FROM base\n");
  EXPECT_EQ(processes.commands().back().argv,
            (Argv{"buildah", "build", "-f", "/w/app.Dockerfile", "--target", "outputs", "--build-arg",
                  "CARGO_RECIPE_SALT=audit-x-1", "--build-arg", "SOURCE_DATE_EPOCH=1600086400", "-o",
                  "type=tar,dest=/scratch/run-1.tar", "/ctx/1"}));
  EXPECT_TRUE(processes.commands().back().opts.mirror_stderr);
}

TEST(BuildahEngine, JobsBecomeBuildahsJobs) {
  FakeProcessRunner processes;
  processes.answer(k_buildah_version, exits(0, "buildah version 1.28.2\n"));
  processes.answer({"buildah", "build"}, exits(0));
  BuildRequest request = audit_request();
  request.jobs = 2;
  find_engine("buildah", processes)->build(request);
  const Argv& argv = processes.commands().back().argv;
  EXPECT_EQ(Argv(argv.begin(), argv.begin() + 8),
            (Argv{"buildah", "build", "-f", "/w/app.Dockerfile", "--target", "outputs", "--jobs", "2"}));
}

TEST(DockerEngine, RefusesJobsBeforeRunningAnything) {
  FakeProcessRunner processes;
  processes.answer(k_buildx_version, exits(0)).answer(k_daemon_info, exits(0));
  std::unique_ptr<Engine> engine = find_engine("docker", processes);
  const size_t asked = processes.commands().size();
  BuildRequest request = audit_request();
  request.jobs = 4;
  EXPECT_THROW(engine->build(request), InputError);
  EXPECT_EQ(processes.commands().size(), asked);
}

}  // namespace
}  // namespace recipe::runner
