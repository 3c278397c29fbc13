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

}  // namespace recipe
