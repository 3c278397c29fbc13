#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "generator/support/process.hpp"

namespace recipe::runner {

// One build of one Dockerfile target.
struct BuildRequest {
  std::string dockerfile;
  std::string context;
  std::string target;                     // stage to build
  std::optional<std::string> output_dir;  // -o type=local,dest=DIR
  std::optional<std::string> output_tar;  // -o type=tar,dest=FILE
  std::optional<std::string> tag;         // -t NAME: an image in the engine's store
  bool no_cache = false;
  // Steps run at once: buildah's --jobs. Docker's built-in BuildKit takes it from the daemon's
  // configuration only, so a docker engine refuses a request that sets it (InputError).
  std::optional<int> jobs;
  std::map<std::string, std::string> build_args;
  bool show_progress = true;                          // mirror the engine's progress to stderr
  std::function<void(std::string_view)> on_log_line;  // each line of the log as it comes
};

struct BuildResult {
  int exit_code = -1;  // the engine client's, as ProcessResult has it
  std::string log;     // the engine's progress output (plain): docker's stderr, buildah's stderr then stdout
};

// A BuildKit-style engine that builds Dockerfiles: Docker with BuildKit, or buildah.
class Engine {
 public:
  virtual ~Engine() = default;
  virtual std::string name() const = 0;
  // "docker 20.10.24", "buildah 1.28.2".
  virtual std::string version() = 0;
  virtual BuildResult build(const BuildRequest& request) = 0;
  // The id of a local image ("sha256:..."), or "" when the engine does not have it.
  virtual std::string image_id(const std::string& image) = 0;
  // Whether the engine still answers (after a failed build: did it die?).
  virtual bool alive() = 0;
};

// The engine to use: `preference` "docker" or "buildah", or "" to find one (a Docker client
// that reaches BuildKit first, then buildah). DOCKER_HOST is honoured by the docker client;
// `docker_host`, when given, overrides it (a second daemon). Throws EngineError naming what was
// tried when none works, InputError when `preference` is neither.
std::unique_ptr<Engine> find_engine(const std::string& preference, ProcessRunner& processes,
                                    const std::string& docker_host = "");

}  // namespace recipe::runner
