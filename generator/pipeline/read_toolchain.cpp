#include "generator/pipeline/read_toolchain.hpp"

#include "generator/cargo/toolchain.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::pipeline {

model::Toolchain read_toolchain_file(const std::string& path) {
  return cargo::parse_toolchain_file(read_file(path), path);
}

std::vector<Command> local_toolchain_questions(const std::vector<std::string>& targets) {
  RunOptions opts;
  opts.env = deterministic_env();
  std::vector<Command> questions = {{{"rustc", "-vV"}, opts}, {{"rustc", "--print", "cfg"}, opts}};
  for (const auto& triple : targets) {
    questions.push_back({{"rustc", "--print", "cfg", "--target", triple}, opts});
  }
  return questions;
}

model::Toolchain toolchain_from_answers(const std::vector<ProcessResult>& answers,
                                        const std::vector<std::string>& targets) {
  const ProcessResult& vv = answers.at(0);
  const ProcessResult& cfg = answers.at(1);
  if (vv.exit_code != 0 || cfg.exit_code != 0) {
    throw InputError("cannot run the local rustc (" + vv.err + cfg.err + "): install rustc or pass --toolchain FILE");
  }
  model::Toolchain toolchain = cargo::toolchain_from_text(vv.out, cfg.out, "rustc -vV");
  for (size_t i = 0; i < targets.size(); ++i) {
    const std::string& triple = targets[i];
    const ProcessResult& target_cfg = answers.at(2 + i);
    if (toolchain.cfg_by_triple.contains(triple)) {
      continue;  // the host: its cfg came with --print cfg
    }
    if (target_cfg.exit_code != 0) {
      throw InputError("rustc --print cfg --target " + triple + " failed: " + target_cfg.err);
    }
    toolchain.cfg_by_triple[triple] = model::CfgSet::parse(target_cfg.out, triple, "rustc --print cfg");
  }
  return toolchain;
}

model::Toolchain query_local_toolchain(ProcessRunner& runner, const std::vector<std::string>& targets) {
  return toolchain_from_answers(runner.run_together(local_toolchain_questions(targets)), targets);
}

}  // namespace recipe::pipeline
