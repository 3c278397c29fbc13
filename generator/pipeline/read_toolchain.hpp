#pragma once

#include <string>
#include <vector>

#include "generator/model/toolchain.hpp"
#include "generator/support/process.hpp"

namespace recipe::pipeline {

// Read and parse the toolchain file at `path` (see cargo::parse_toolchain_file). Throws
// InputError when it cannot be read or is invalid.
model::Toolchain read_toolchain_file(const std::string& path);

// What query_local_toolchain asks the local rustc (argv[0] `rustc`), in this order: its version
// (`-vV`), its host cfg, and the cfg of each of `targets`.
std::vector<Command> local_toolchain_questions(const std::vector<std::string>& targets);

// The toolchain from the answers to local_toolchain_questions(targets), in their order. Throws
// InputError when rustc could not run or does not know a target.
model::Toolchain toolchain_from_answers(const std::vector<ProcessResult>& answers,
                                        const std::vector<std::string>& targets);

// Ask the local rustc those questions, all at once, and read its answers.
model::Toolchain query_local_toolchain(ProcessRunner& runner, const std::vector<std::string>& targets);

}  // namespace recipe::pipeline
