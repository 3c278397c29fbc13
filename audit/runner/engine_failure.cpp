#include "audit/runner/engine_failure.hpp"

#include <array>
#include <vector>

#include <re2/re2.h>

#include "generator/support/line_reader.hpp"

namespace recipe::runner {

namespace {

struct EngineMessage {
  FailureKind kind;
  const char* reason;
  const char* pattern;
};

// Checked in this order, the first that any engine line matches decides. Unreachable comes
// first: a refused socket also reads as "Unavailable".
// - flightcontrol (BuildKit util/flightcontrol) lets concurrent solver calls with the same key
//   share one run. A caller that arrives as the shared run is finishing is told to retry; it backs
//   off from 1 ms, doubling, and gives up once the wait reaches 3 s with "flightcontrol: exceeded
//   retry timeout". Under load, with many steps sharing keys (the helper, the base, common
//   sources), a caller can lose that race until the timeout: the step itself never ran wrong.
// - "failed to compute cache key" over a snapshot that is "not found": a cache record whose
//   snapshot BuildKit has lost. Not the same as `"/path": not found`, a source missing from the
//   context, which is the recipe's fault.
// - contenthash SIGSEGV, rpc Unavailable, reset connection, EOF: dockerd or its BuildKit crashed
//   or restarted under the build (moby/buildkit#2861, #1913).
const std::array k_engine_messages = {
    EngineMessage{FailureKind::engine_unreachable, "the Docker daemon does not answer",
                  R"(Cannot connect to the Docker daemon)"},
    EngineMessage{FailureKind::engine_unreachable, "the daemon socket refuses connections",
                  R"(dial unix \S+: connect: (connection refused|no such file or directory))"},
    EngineMessage{FailureKind::engine_internal, "BuildKit crashed in contenthash (SIGSEGV)",
                  R"(buildkit/cache/contenthash|signal SIGSEGV: segmentation violation)"},
    EngineMessage{FailureKind::engine_internal, "flightcontrol: exceeded retry timeout",
                  R"(flightcontrol: exceeded retry timeout)"},
    EngineMessage{FailureKind::engine_internal, "failed to compute cache key: snapshot not found",
                  R"(failed to compute cache key: .*snapshot .*not found)"},
    EngineMessage{FailureKind::engine_internal, "rpc error: code = Unavailable", R"(rpc error: code = Unavailable)"},
    EngineMessage{FailureKind::engine_internal, "connection reset by peer", R"(connection reset by peer)"},
    EngineMessage{FailureKind::engine_internal, "the daemon closed the connection (EOF)", R"(: EOF\s*$)"},
};

// What a RUN step printed: "#15 0.210 TEXT" (BuildKit --progress=plain).
bool is_step_output(std::string_view line) {
  static const RE2 k_output(R"(^#[0-9]+ [0-9]+\.[0-9]+ )");
  return RE2::PartialMatch(line, k_output);
}

}  // namespace

FailureClass classify_failure(std::string_view log) {
  // BuildKit: "executor failed running [...]: exit code: 101" (20.10), "process ... did not complete
  // successfully: exit code: 101" (newer); buildah: "Error: building at STEP ...: exit status 101"
  // (1.28; before: "error building at STEP").
  static const RE2 k_step_failed(
      R"((?:executor failed running|did not complete successfully).*: exit code: ([0-9]+)|^(?:Error: building|error building) at STEP.*exit status ([0-9]+))");
  std::vector<std::string_view> engine_lines;
  LineReader lines(log);
  std::string_view line;
  while (lines.next(line)) {
    if (is_step_output(line)) {
      continue;
    }
    std::string buildkit_code;
    std::string buildah_code;
    if (RE2::PartialMatch(line, k_step_failed, &buildkit_code, &buildah_code)) {
      return {FailureKind::step_failed, "exit code " + (buildkit_code.empty() ? buildah_code : buildkit_code)};
    }
    engine_lines.push_back(line);
  }
  for (const EngineMessage& message : k_engine_messages) {
    const RE2 pattern(message.pattern);
    for (std::string_view engine_line : engine_lines) {
      if (RE2::PartialMatch(engine_line, pattern)) {
        return {message.kind, message.reason};
      }
    }
  }
  return {};
}

}  // namespace recipe::runner
