#pragma once

#include <stdexcept>
#include <string>

namespace recipe {

// The one error type of the project. `main` catches it and maps it to an exit code.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Bad input or usage: a file that does not parse, an unknown option value. Exit code 2.
class InputError : public Error {
 public:
  explicit InputError(const std::string& message) : Error(message) {}
};

// A build engine is missing, died, or a build failed. Exit code 3.
class EngineError : public Error {
 public:
  explicit EngineError(const std::string& message) : Error(message) {}
};

// Not a failure of the tool: the command ran and its verdict is this exit code (an audit that
// found differences exits 1). Its report has been printed already.
class ExitWithCode : public std::exception {
 public:
  explicit ExitWithCode(int code) : m_code(code) {}
  int code() const { return m_code; }
  const char* what() const noexcept override { return "exit"; }

 private:
  int m_code;
};

}  // namespace recipe
