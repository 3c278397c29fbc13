#!/usr/bin/env python3
"""End-to-end: recipes for another target and for another toolchain, built by a real BuildKit.

usage: cross_test.py CARGO_RECIPE CASE   (CASE: aarch64 | matrix:WORKSPACE | refuse)

  aarch64      the cross workspace (its own build script, a local proc-macro, libz-sys) generated
               with --target aarch64-unknown-linux-gnu for the cross image and built: the binary
               is an aarch64 ELF and prints under qemu-aarch64-static what the amd64 binary cargo
               builds here prints. zlib1g-dev:arm64 is installed only where the built-in hint
               needs it, and target units link with the toolchain file's cross linker.
  matrix:W     W generated for rustc 1.63 (the base image) and for 1.96 (the rust-web image) and
               built on each: both recipes' binaries print what cargo's print here; only the 1.96
               recipe passes --check-cfg.
  refuse       a recipe generated for one toolchain, built on the other image, stops in its base
               stage with one line naming both rustc releases (both ways), and one for a target
               whose std the image lacks names the target.

The images come from hack/make-base-image.sh and hack/make-toolchain-image.sh (hack/test.sh makes
them); without them or without an engine the test exits 77 (CTest: skipped).
Prints "e2e: N passed, M failed".
"""
import os
import subprocess
import sys
import tempfile

from checks import Checks

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORKSPACES = os.path.join(ROOT, "tests", "workspaces")
TOOLCHAINS = os.path.join(ROOT, "recipes", "toolchains")
REGISTRY = "/usr/share/cargo/registry"
DOCKER = "/usr/bin/docker"
QEMU = "/usr/bin/qemu-aarch64-static"
TRIPLE = "aarch64-unknown-linux-gnu"
SKIP = 77
# Each toolchain: its image and the toolchain file written beside it.
IMAGES = {
    "1.63": ("cargo-recipe/rust-base:bookworm", os.path.join(TOOLCHAINS, "rust-base-bookworm.toml")),
    "1.96": ("cargo-recipe/cross-rust-web:bookworm", os.path.join(TOOLCHAINS, "cross-rust-web-bookworm.toml")),
    "aarch64": ("cargo-recipe/cross-rust-aarch64:bookworm", os.path.join(TOOLCHAINS, "cross-rust-aarch64-bookworm.toml")),
}
ELF_MACHINE_AARCH64 = 183  # e_machine of an AArch64 ELF (EM_AARCH64)


def run(argv, **kw):
    kw.setdefault("check", True)
    return subprocess.run(argv, capture_output=True, text=True, **kw)


def have_image(name):
    return run([DOCKER, "image", "inspect", name], check=False).returncode == 0


class Case(Checks):
    def __init__(self, tool, scratch):
        super().__init__()
        self.tool = tool
        self.scratch = scratch

    def generate(self, workspace, name, toolchain, image, *extra):
        recipe = os.path.join(self.scratch, name + ".Dockerfile")
        run([self.tool, "generate", "--manifest-path", os.path.join(workspace, "Cargo.toml"), "--offline", "--locked",
             "--toolchain", IMAGES[toolchain][1], "--base-image", IMAGES[image][0], "--sources", "vendor=" + REGISTRY,
             "-o", recipe, *extra], cwd=workspace)
        with open(recipe) as f:
            return recipe, f.read()

    def build(self, recipe, workspace, out, check=True):
        result = run([self.tool, "build", recipe, "--context", workspace, "--vendor", REGISTRY, "-o", out], check=False)
        if check and result.returncode != 0:
            print(result.stderr[-4000:])
            raise SystemExit(f"cargo-recipe build {os.path.basename(recipe)} failed (exit {result.returncode})")
        return result

    def cargo_outputs(self, workspace, bins):
        target = os.path.join(self.scratch, "cargo-target")
        run(["cargo", "build", "--release", "--offline", "--locked"], cwd=workspace,
            env=dict(os.environ, CARGO_TARGET_DIR=target))
        return {b: run([os.path.join(target, "release", b)]).stdout for b in bins}


def elf_machine(path):
    """(EI_CLASS, e_machine) of an ELF file: (2, 183) for a 64-bit AArch64 one."""
    with open(path, "rb") as f:
        head = f.read(20)
    if head[:4] != b"\x7fELF":
        return None
    return head[4], int.from_bytes(head[18:20], "little" if head[5] == 1 else "big")


def run_aarch64(folder, binary):
    """Run an aarch64 binary under qemu-aarch64-static in the cross image with the target's zlib
    (the image has arm64's libc as a dependency of its std): the machine that runs the test has
    no arm64 libraries of its own."""
    runner = "cargo-recipe/cross-e2e-aarch64-runner:bookworm"
    context = os.path.join(os.path.dirname(folder), "runner")
    os.makedirs(context, exist_ok=True)
    with open(os.path.join(context, "Dockerfile"), "w") as f:
        f.write(f"FROM {IMAGES['aarch64'][0]}\nRUN apt-get update -qq && apt-get install -y -qq --no-install-recommends"
                " zlib1g:arm64 && rm -rf /var/lib/apt/lists/*\n")
    run([DOCKER, "build", "-q", "-t", runner, context], env=dict(os.environ, DOCKER_BUILDKIT="1"))
    return run([DOCKER, "run", "--rm", "--network", "none", "-v", f"{folder}:/out:ro", "-v", f"{QEMU}:{QEMU}:ro",
                runner, QEMU, "-L", "/", "/out/" + binary], check=False)


def case_aarch64(c):
    workspace = os.path.join(WORKSPACES, "cross")
    recipe, text = c.generate(workspace, "cross-aarch64", "aarch64", "aarch64", "--target", TRIPLE)
    c.expect(f", target {TRIPLE};" in text, "aarch64: the header names the target")
    c.expect('"-C", "linker=aarch64-linux-gnu-gcc"' in text, "aarch64: target units link with the cross linker")
    users = sorted(line.split(" AS ")[1].rsplit("-", 1)[0] for line in text.splitlines() if line.startswith("FROM apt-"))
    c.expect("\n# apt packages: pkg-config zlib1g-dev:arm64\n" in text and
             users == ["bin-cross-0.1.0-cross", "build-script-run-cross-0.1.0", "build-script-run-libz-sys-1.1.8"],
             f"aarch64: zlib1g-dev for arm64 (and the build machine's pkg-config) where libz-sys needs them "
             f"(its run, the link, and the run of cross's build script, which reads its DEP_Z_*): {users}")
    out = os.path.join(c.scratch, "aarch64-bin")
    c.build(recipe, workspace, out)
    binary = os.path.join(out, "cross")
    c.expect(elf_machine(binary) == (2, ELF_MACHINE_AARCH64), f"aarch64: an ELF64 for AArch64, not {elf_machine(binary)}")
    theirs = c.cargo_outputs(workspace, ["cross"])["cross"]
    ran = run_aarch64(out, "cross")
    c.expect(ran.returncode == 0 and ran.stdout == theirs and "zlib: crc32" in theirs,
             f"aarch64: prints {ran.stdout!r} {ran.stderr[-300:]!r} under qemu, the amd64 binary {theirs!r}")
    print(f"aarch64: ELF machine {elf_machine(binary)}; under qemu-aarch64-static it prints what amd64 prints:\n{ran.stdout}")


def case_matrix(c, name):
    workspace = os.path.join(WORKSPACES, name)
    printed = {}
    for release in ("1.63", "1.96"):
        recipe, text = c.generate(workspace, f"{name}-{release}", release, release)
        c.expect(("--check-cfg" in text) == (release == "1.96"), f"matrix {name}: --check-cfg only for 1.96 ({release})")
        out = os.path.join(c.scratch, f"{name}-{release}-bin")
        c.build(recipe, workspace, out)
        bins = sorted(os.listdir(out))
        printed[release] = {b: run([os.path.join(out, b)]).stdout for b in bins}
    cargo = c.cargo_outputs(workspace, sorted(printed["1.63"]))
    c.expect(printed["1.63"] == printed["1.96"] == cargo and all(cargo.values()),
             f"matrix {name}: 1.63 prints {printed['1.63']}, 1.96 {printed['1.96']}, cargo {cargo}")
    print(f"matrix {name}: {', '.join(sorted(cargo))} print the same built by rustc 1.63, 1.96 and the local cargo")


def case_refuse(c):
    workspace = os.path.join(WORKSPACES, "cross")
    cases = [("1.63", "1.96", "the recipe was generated for rustc 1.63.0 but the image has rustc 1.96.0"),
             ("1.96", "1.63", "the recipe was generated for rustc 1.96.0 but the image has rustc 1.63.0"),
             ("aarch64", "1.63", f"the recipe builds for {TRIPLE} but the image's rustc 1.63.0 has no std for it")]
    for toolchain, image, message in cases:
        extra = ["--target", TRIPLE] if toolchain == "aarch64" else []
        recipe, _ = c.generate(workspace, f"refuse-{toolchain}-on-{image}", toolchain, image, *extra)
        failed = c.build(recipe, workspace, os.path.join(c.scratch, "refused"), check=False)
        last = failed.stderr.strip().splitlines()[-1] if failed.stderr.strip() else ""
        c.expect(failed.returncode == 3 and message in last and "base" in last,
                 f"refuse {toolchain} on {image}: exit 3 and one line in the base stage with {message!r}, "
                 f"got {failed.returncode}: {last!r}")
        print(f"refuse {toolchain} recipe on the {image} image: {last}")


def main():
    tool, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    if run([DOCKER, "info"], check=False).returncode != 0:
        print("e2e: skipped: no Docker daemon answers (hack/start-dockerd.sh starts one)")
        return SKIP
    missing = [image for image, _ in IMAGES.values() if not have_image(image)]
    if missing:
        print(f"e2e: skipped: no image {', '.join(missing)} (hack/make-toolchain-image.sh makes them)")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="cargo-recipe-e2e.") as scratch:
        c = Case(tool, scratch)
        if case == "aarch64":
            case_aarch64(c)
        elif case.startswith("matrix:"):
            case_matrix(c, case[7:])
        elif case == "refuse":
            case_refuse(c)
        else:
            raise SystemExit(f"unknown case {case}")
    return c.summary()


if __name__ == "__main__":
    sys.exit(main())
