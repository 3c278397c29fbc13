#include "generator/support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <thread>

#include <spdlog/spdlog.h>

#include "generator/support/error.hpp"

extern char** environ;

namespace recipe {

namespace {

std::string join_argv(const std::vector<std::string>& argv) {
  std::string joined;
  for (const auto& arg : argv) {
    if (!joined.empty()) {
      joined += ' ';
    }
    joined += arg;
  }
  return joined;
}

std::vector<std::string> merged_environment(const std::map<std::string, std::string>& overrides) {
  std::map<std::string, std::string> merged;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string_view kv(*entry);
    auto eq = kv.find('=');
    if (eq != std::string_view::npos) {
      merged.emplace(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
    }
  }
  for (const auto& [key, value] : overrides) {
    merged[key] = value;
  }
  std::vector<std::string> flat;
  flat.reserve(merged.size());
  for (const auto& [key, value] : merged) {
    flat.push_back(key + "=" + value);
  }
  return flat;
}

// `name` as execve needs it: a name with a '/' as it is; one without looked up in the absolute
// entries of the PATH of `env` ("KEY=VALUE" entries), the first executable regular file, or
// nullopt when none has it. Relative and empty entries are skipped: a program is never taken
// from the working directory (a repository's own `./docker`). Done before fork: the child of a
// threaded process may call only async-signal-safe functions, which execvp's search is not.
std::optional<std::string> resolve_program(const std::string& name, const std::vector<std::string>& env) {
  if (name.find('/') != std::string::npos) {
    return name;
  }
  std::string_view path = "/usr/local/bin:/usr/bin:/bin";
  for (const auto& entry : env) {
    if (entry.starts_with("PATH=")) {
      path = std::string_view(entry).substr(5);
    }
  }
  while (true) {
    size_t colon = path.find(':');
    std::string dir(path.substr(0, colon));
    std::string candidate = dir + "/" + name;
    struct stat st {};
    if (dir.starts_with('/') && ::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    if (colon == std::string_view::npos) {
      return std::nullopt;
    }
    path.remove_prefix(colon + 1);
  }
}

// Why a child could not become the program, sent up a close-on-exec pipe.
struct StartFailure {
  enum class Step { cwd, exec };
  Step step;
  int error;
};

std::optional<StartFailure> read_start_failure(int fd) {
  StartFailure failure{};
  ssize_t n = 0;
  do {
    n = ::read(fd, &failure, sizeof failure);
  } while (n < 0 && errno == EINTR);
  if (n != static_cast<ssize_t>(sizeof failure)) {
    return std::nullopt;
  }
  return failure;
}

}  // namespace

void OutputLines::feed(std::string_view chunk) {
  for (size_t eol = chunk.find('\n'); eol != std::string_view::npos; eol = chunk.find('\n')) {
    if (m_partial.empty()) {
      m_on_line(chunk.substr(0, eol));
    } else {
      m_partial.append(chunk.substr(0, eol));
      m_on_line(m_partial);
      m_partial.clear();
    }
    chunk.remove_prefix(eol + 1);
  }
  m_partial.append(chunk);
}

ProcessResult SubprocessRunner::run(const std::vector<std::string>& argv, const RunOptions& opts) {
  spdlog::debug("run: {}", join_argv(argv));
  ProcessResult result;
  if (argv.empty()) {
    result.err = "cannot run an empty command";
    return result;
  }
  std::vector<std::string> env_strings = merged_environment(opts.env);
  const std::optional<std::string> program = resolve_program(argv[0], env_strings);
  if (!program) {
    result.err = "cannot run \"" + argv[0] + "\": " + std::strerror(ENOENT);
    return result;
  }
  int out_pipe[2];
  int err_pipe[2];
  int in_pipe[2];
  int start_pipe[2];
  int* pipes[] = {out_pipe, err_pipe, in_pipe, start_pipe};
  int made = 0;
  for (int* p : pipes) {
    if (::pipe2(p, O_CLOEXEC) != 0) {
      break;
    }
    ++made;
  }
  auto close_pipes = [&pipes, &made] {
    for (int i = 0; i < made; ++i) {
      ::close(pipes[i][0]);
      ::close(pipes[i][1]);
    }
  };
  if (made < 4) {
    int error = errno;
    close_pipes();
    throw Error(std::string("cannot create pipes: ") + std::strerror(error));
  }
  std::vector<char*> envp;
  for (auto& entry : env_strings) {
    envp.push_back(entry.data());
  }
  envp.push_back(nullptr);
  std::vector<std::string> argv_copy = argv;
  std::vector<char*> argvp;
  for (auto& arg : argv_copy) {
    argvp.push_back(arg.data());
  }
  argvp.push_back(nullptr);

  pid_t pid = ::fork();
  if (pid < 0) {
    int error = errno;
    close_pipes();
    throw Error(std::string("cannot fork: ") + std::strerror(error));
  }
  if (pid == 0) {
    ::dup2(in_pipe[0], STDIN_FILENO);
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    StartFailure failure{StartFailure::Step::cwd, 0};
    if (!opts.cwd || ::chdir(opts.cwd->c_str()) == 0) {
      ::execve(program->c_str(), argvp.data(), envp.data());
      failure.step = StartFailure::Step::exec;
    }
    failure.error = errno;
    ssize_t ignored = ::write(start_pipe[1], &failure, sizeof failure);
    (void)ignored;
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  ::close(start_pipe[1]);
  // The write end closes on exec: nothing to read means the program started.
  std::optional<StartFailure> failed_start = read_start_failure(start_pipe[0]);
  ::close(start_pipe[0]);
  if (opts.stdin_data && !failed_start) {
    // Small inputs only (metadata queries); a large input would need to be interleaved with reads.
    const std::string& data = *opts.stdin_data;
    size_t written = 0;
    while (written < data.size()) {
      ssize_t n = ::write(in_pipe[1], data.data() + written, data.size() - written);
      if (n <= 0) {
        break;
      }
      written += static_cast<size_t>(n);
    }
  }
  ::close(in_pipe[1]);

  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  OutputLines lines[2] = {OutputLines(opts.on_output_line), OutputLines(opts.on_output_line)};
  int open_count = 2;
  char buffer[65536];
  while (open_count > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
        continue;
      }
      ssize_t n = ::read(fds[i].fd, buffer, sizeof(buffer));
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(n));
        if (i == 1 && opts.mirror_stderr) {
          std::cerr.write(buffer, n);
          std::cerr.flush();
        }
        if (opts.on_output_line) {
          lines[i].feed(std::string_view(buffer, static_cast<size_t>(n)));
        }
      } else {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) && !failed_start ? WEXITSTATUS(status) : -1;
  if (failed_start) {
    result.err += "cannot run \"" + argv[0] + "\"" +
                  (failed_start->step == StartFailure::Step::cwd ? " in " + opts.cwd->string() : std::string()) + ": " +
                  std::strerror(failed_start->error);
  }
  spdlog::debug("exit {}: {}", result.exit_code, argv[0]);
  return result;
}

std::vector<ProcessResult> ProcessRunner::run_together(const std::vector<Command>& commands) {
  std::vector<ProcessResult> results;
  for (const Command& command : commands) {
    results.push_back(run(command.argv, command.opts));
  }
  return results;
}

std::vector<ProcessResult> SubprocessRunner::run_together(const std::vector<Command>& commands) {
  std::vector<ProcessResult> results(commands.size());
  std::vector<std::exception_ptr> errors(commands.size());
  {
    std::vector<std::jthread> waiting;
    for (size_t i = 0; i < commands.size(); ++i) {
      waiting.emplace_back([this, &commands, &results, &errors, i] {
        try {
          results[i] = run(commands[i].argv, commands[i].opts);
        } catch (...) {
          errors[i] = std::current_exception();
        }
      });
    }
  }  // every thread joined
  for (const std::exception_ptr& error : errors) {
    if (error) {
      std::rethrow_exception(error);
    }
  }
  return results;
}

std::map<std::string, std::string> deterministic_env() {
  return {{"LC_ALL", "C"}, {"TZ", "UTC"}, {"SOURCE_DATE_EPOCH", "0"}};
}

}  // namespace recipe
