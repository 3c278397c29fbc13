// load_inputs against a FakeProcessRunner: cargo metadata and the local rustc are asked in one
// batch (run_together), their answers read in the order metadata, then toolchain.
#include "generator/pipeline/load_inputs.hpp"

#include <gtest/gtest.h>

#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "tests/support/fake_process_runner.hpp"
#include "tests/support/plan_fixture.hpp"

namespace recipe::pipeline {
namespace {

using testing::exits;
using testing::FakeProcessRunner;
using Argv = std::vector<std::string>;

const char* k_rustc_vv = "rustc 1.63.0\nbinary: rustc\nhost: x86_64-unknown-linux-gnu\nrelease: 1.63.0\n";
const char* k_host_cfg = "target_arch=\"x86_64\"\ntarget_os=\"linux\"\nunix\n";
const char* k_arm_cfg = "target_arch=\"aarch64\"\ntarget_os=\"linux\"\nunix\n";

LoadOptions offline_workspace() {
  LoadOptions opts;
  opts.offline = true;  // (the fixture's workspace root does not exist here: no lockfile, no root manifest)
  return opts;
}

TEST(LoadInputs, AsksCargoMetadataAndTheLocalRustcInOneBatch) {
  FakeProcessRunner processes;
  processes.answer({"cargo", "metadata"},
                   exits(0, read_file(testing::test_data("fixtures/guppy/small/metadata1.json"))));
  processes.answer({"rustc", "-vV"}, exits(0, k_rustc_vv));
  processes.answer({"rustc", "--print", "cfg"}, exits(0, k_host_cfg));
  processes.answer({"rustc", "--print", "cfg", "--target", "aarch64-unknown-linux-gnu"}, exits(0, k_arm_cfg));
  LoadOptions opts = offline_workspace();
  opts.targets = {"aarch64-unknown-linux-gnu", "x86_64-unknown-linux-gnu"};
  LoadedInputs loaded = load_inputs(opts, processes);
  EXPECT_EQ(processes.argvs(),
            (std::vector<Argv>{{"cargo", "metadata", "--format-version", "1", "--offline"},
                               {"rustc", "-vV"},
                               {"rustc", "--print", "cfg"},
                               {"rustc", "--print", "cfg", "--target", "aarch64-unknown-linux-gnu"},
                               {"rustc", "--print", "cfg", "--target", "x86_64-unknown-linux-gnu"}}));
  EXPECT_EQ(loaded.inputs.toolchain.release, "1.63.0");
  EXPECT_TRUE(loaded.inputs.toolchain.cfg("aarch64-unknown-linux-gnu").has("target_arch", "aarch64"));
  EXPECT_TRUE(loaded.inputs.toolchain.cfg("x86_64-unknown-linux-gnu").has("target_arch", "x86_64"));
}

TEST(LoadInputs, CargosErrorComesBeforeRustcsAndAToolchainFileAsksNoRustc) {
  FakeProcessRunner processes;
  processes.answer({"cargo", "metadata"}, exits(101, "", "error: failed to parse manifest at `/w/Cargo.toml`\n"));
  processes.answer({"rustc"}, exits(-1, "", "cannot run \"rustc\": No such file or directory"));
  try {
    load_inputs(offline_workspace(), processes);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "cargo metadata failed: failed to parse manifest at `/w/Cargo.toml`");
  }
  FakeProcessRunner with_file;
  with_file.answer({"cargo", "metadata"}, exits(101, "", "error: no Cargo.toml\n"));
  LoadOptions opts = offline_workspace();
  opts.toolchain_file = testing::test_data("../recipes/toolchains/rust-base-bookworm.toml");
  EXPECT_THROW(load_inputs(opts, with_file), InputError);
  EXPECT_EQ(with_file.argvs(), (std::vector<Argv>{{"cargo", "metadata", "--format-version", "1", "--offline"}}));
}

}  // namespace
}  // namespace recipe::pipeline
