#include "generator/pipeline/read_toolchain.hpp"

#include "generator/cargo/toolchain.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::pipeline {

model::Toolchain read_toolchain_file(const std::string& path) {
  return cargo::parse_toolchain_file(read_file(path), path);
}

model::Toolchain query_local_toolchain(ProcessRunner& runner, const std::vector<std::string>& targets) {
  RunOptions opts;
  opts.env = deterministic_env();
  ProcessResult vv = runner.run({"rustc", "-vV"}, opts);
  ProcessResult cfg = runner.run({"rustc", "--print", "cfg"}, opts);
  if (vv.exit_code != 0 || cfg.exit_code != 0) {
    throw InputError("cannot run the local rustc (" + vv.err + cfg.err +
                     "): install rustc or pass --toolchain FILE");
  }
  model::Toolchain toolchain = cargo::toolchain_from_text(vv.out, cfg.out, "rustc -vV");
  for (const auto& triple : targets) {
    if (toolchain.cfg_by_triple.contains(triple)) {
      continue;
    }
    ProcessResult target_cfg = runner.run({"rustc", "--print", "cfg", "--target", triple}, opts);
    if (target_cfg.exit_code != 0) {
      throw InputError("rustc --print cfg --target " + triple + " failed: " + target_cfg.err);
    }
    toolchain.cfg_by_triple[triple] = model::CfgSet::parse(target_cfg.out, triple, "rustc --print cfg");
  }
  return toolchain;
}

}  // namespace recipe::pipeline
