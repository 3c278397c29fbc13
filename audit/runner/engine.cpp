#include "audit/runner/engine.hpp"

#include <spdlog/spdlog.h>

#include "generator/support/error.hpp"

namespace recipe::runner {

namespace {

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

// Options of every docker call to one daemon: DOCKER_HOST when one was named.
RunOptions daemon_options(const std::string& docker_host) {
  RunOptions opts;
  if (!docker_host.empty()) {
    opts.env["DOCKER_HOST"] = docker_host;
  }
  return opts;
}

// Build arguments, output and context: the same words for docker and buildah.
void add_request_words(std::vector<std::string>& argv, const BuildRequest& request) {
  for (const auto& [key, value] : request.build_args) {
    argv.insert(argv.end(), {"--build-arg", key + "=" + value});
  }
  if (request.tag) {
    argv.insert(argv.end(), {"-t", *request.tag});
  }
  if (request.output_dir) {
    argv.insert(argv.end(), {"-o", "type=local,dest=" + *request.output_dir});
  } else if (request.output_tar) {
    argv.insert(argv.end(), {"-o", "type=tar,dest=" + *request.output_tar});
  }
  argv.push_back(request.context);
}

class DockerEngine : public Engine {
 public:
  DockerEngine(std::string client, std::string docker_host, ProcessRunner& processes)
      : m_client(std::move(client)), m_docker_host(std::move(docker_host)), m_processes(processes) {}

  std::string name() const override { return m_docker_host.empty() ? "docker" : "docker@" + m_docker_host; }

  std::string version() override {
    ProcessResult r = m_processes.run({m_client, "version", "--format", "{{.Server.Version}}"}, options());
    return "docker " + first_line(r.out);
  }

  std::string image_id(const std::string& image) override {
    ProcessResult r = m_processes.run({m_client, "image", "inspect", "--format", "{{.Id}}", image}, options());
    return r.exit_code == 0 ? first_line(r.out) : "";
  }

  bool alive() override {
    return m_processes.run({m_client, "info", "--format", "{{.ServerVersion}}"}, options()).exit_code == 0;
  }

  BuildResult build(const BuildRequest& request) override {
    if (request.jobs) {
      throw InputError(
          "--jobs: docker's built-in BuildKit runs as many steps at once as its daemon allows; "
          "no build can change that (use --runner buildah, or a buildx builder's max-parallelism)");
    }
    std::vector<std::string> argv = {m_client,           "build",    "--progress=plain", "-f",
                                     request.dockerfile, "--target", request.target};
    if (request.no_cache) {
      argv.push_back("--no-cache");
    }
    add_request_words(argv, request);
    RunOptions opts = options();
    // Without DOCKER_BUILDKIT=1 a 20.10 client runs the legacy builder, which ignores -o.
    opts.env["DOCKER_BUILDKIT"] = "1";
    opts.mirror_stderr = request.show_progress;
    opts.on_output_line = request.on_log_line;
    ProcessResult r = m_processes.run(argv, opts);
    return {r.exit_code, r.err};
  }

 private:
  // Every call goes to the same daemon.
  RunOptions options() const { return daemon_options(m_docker_host); }

  std::string m_client;
  std::string m_docker_host;
  ProcessRunner& m_processes;
};

class BuildahEngine : public Engine {
 public:
  explicit BuildahEngine(ProcessRunner& processes) : m_processes(processes) {}

  std::string name() const override { return "buildah"; }

  std::string version() override {
    ProcessResult r = m_processes.run({"buildah", "--version"}, {});
    return first_line(r.out);
  }

  std::string image_id(const std::string& image) override {
    ProcessResult r =
        m_processes.run({"buildah", "inspect", "--type", "image", "--format", "{{.FromImageID}}", image}, {});
    return r.exit_code == 0 ? "sha256:" + first_line(r.out) : "";
  }

  bool alive() override { return m_processes.run({"buildah", "--version"}, {}).exit_code == 0; }

  BuildResult build(const BuildRequest& request) override {
    // No --layers: buildah 1.28 keys its layer cache on instruction text only and would reuse a
    // COPY of changed sources. Every buildah build is therefore a clean one.
    std::vector<std::string> argv = {"buildah", "build", "-f", request.dockerfile, "--target", request.target};
    if (request.jobs) {
      argv.insert(argv.end(), {"--jobs", std::to_string(*request.jobs)});
    }
    add_request_words(argv, request);
    RunOptions opts;
    opts.mirror_stderr = request.show_progress;
    // buildah prints its STEP lines on stdout and the steps' output on stderr: both are the log.
    opts.on_output_line = request.on_log_line;
    ProcessResult r = m_processes.run(argv, opts);
    return {r.exit_code, r.err + r.out};
  }

 private:
  ProcessRunner& m_processes;
};

// A docker client reaches BuildKit if it has buildx, or is older than 23 (BuildKit built in).
bool docker_reaches_buildkit(const std::string& client, ProcessRunner& processes) {
  // (Client-side questions: no daemon needed.)
  if (processes.run({client, "buildx", "version"}, {}).exit_code == 0) {
    return true;
  }
  ProcessResult v = processes.run({client, "version", "--format", "{{.Client.Version}}"}, {});
  if (v.exit_code != 0 && v.out.empty()) {
    return false;
  }
  int major = std::atoi(v.out.c_str());
  return major > 0 && major < 23;
}

bool daemon_answers(const std::string& client, ProcessRunner& processes, const std::string& docker_host) {
  return processes.run({client, "info", "--format", "{{.ServerVersion}}"}, daemon_options(docker_host)).exit_code == 0;
}

}  // namespace

std::unique_ptr<Engine> find_engine(const std::string& preference, ProcessRunner& processes,
                                    const std::string& docker_host) {
  std::string tried;
  if (preference.empty() || preference == "docker") {
    // The first docker on PATH may be a client without BuildKit; Debian's is in /usr/bin.
    for (const std::string client : {"docker", "/usr/bin/docker"}) {
      if (!docker_reaches_buildkit(client, processes)) {
        tried += " " + client + " (no BuildKit: needs buildx or a client older than 23);";
        continue;
      }
      if (!daemon_answers(client, processes, docker_host)) {
        tried += " " + client + " (no daemon answers: start dockerd, or set DOCKER_HOST);";
        continue;
      }
      spdlog::info("engine: {}", client);
      return std::make_unique<DockerEngine>(client, docker_host, processes);
    }
  }
  if (preference.empty() || preference == "buildah") {
    if (processes.run({"buildah", "--version"}, {}).exit_code == 0) {
      return std::make_unique<BuildahEngine>(processes);
    }
    tried += " buildah (not installed);";
  }
  if (!preference.empty() && preference != "docker" && preference != "buildah") {
    throw InputError("unknown runner \"" + preference + "\" (expected docker or buildah)");
  }
  tried.pop_back();
  throw EngineError("no build engine available:" + tried);
}

}  // namespace recipe::runner
