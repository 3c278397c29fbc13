#pragma once

#include <string>
#include <vector>

#include "generator/model/toolchain.hpp"
#include "generator/support/process.hpp"

namespace recipe::pipeline {

// Read and parse the toolchain file at `path` (see cargo::parse_toolchain_file). Throws
// InputError when it cannot be read or is invalid.
model::Toolchain read_toolchain_file(const std::string& path);

// Ask the local rustc (argv[0] `rustc`) for its version and its cfg for the host and `targets`.
// Throws InputError when rustc cannot run or does not know a target.
model::Toolchain query_local_toolchain(ProcessRunner& runner, const std::vector<std::string>& targets);

}  // namespace recipe::pipeline
