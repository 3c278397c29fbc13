#!/usr/bin/env python3
"""End-to-end: the runtime stage of a recipe is an image that runs its binaries.

usage: runtime_test.py CARGO_RECIPE

  gitlink   links the system libgit2 through libgit2-sys 0.14.1+1.5.0 (a version with build
            metadata, from Debian's registry): the runtime image gets libgit2's package (and no
            -dev package), which the runtime base lacks, and `gitlink --version` runs there with
            no network.
  twobins   pure Rust: the runtime image has exactly the runtime base's packages, and its
            binaries run from it.

Needs the base images (hack/make-base-image.sh, hack/make-base-image.sh --runtime) and Debian's
librust-libgit2-sys-dev (hack/install-crates.sh). Exits 77 (CTest: skipped) when no engine answers
or the runtime base is missing. Prints "e2e-runtime: N passed, M failed".
"""
import os
import subprocess
import sys
import tempfile

from checks import Checks

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORKSPACES = os.path.join(ROOT, "tests", "workspaces")
TOOLCHAIN = os.path.join(ROOT, "recipes", "toolchains", "rust-base-bookworm.toml")
REGISTRY = "/usr/share/cargo/registry"
DOCKER = "/usr/bin/docker"
RUNTIME_BASE = "cargo-recipe/runtime-base:bookworm"
SKIP = 77


def run(argv, **kw):
    kw.setdefault("check", False)
    return subprocess.run(argv, capture_output=True, text=True, **kw)


def packages(image):
    """The packages installed in `image`, with their versions."""
    r = run([DOCKER, "run", "--rm", "--network", "none", image, "dpkg-query", "-W", "-f", "${Package}=${Version}\\n"])
    if r.returncode != 0 or not r.stdout.split():
        raise SystemExit(f"dpkg-query in {image} failed (exit {r.returncode}): {r.stderr[-1000:]}")
    return sorted(r.stdout.split())


def generate_and_build(c, tool, scratch, workspace, tag):
    """The workspace's recipe, its runtime stage built as image `tag`; the build's log."""
    recipe = os.path.join(scratch, os.path.basename(workspace) + ".Dockerfile")
    gen = run([tool, "generate", "--manifest-path", os.path.join(workspace, "Cargo.toml"), "--offline", "--locked",
               "--toolchain", TOOLCHAIN, "--sources", "vendor=" + REGISTRY, "-o", recipe], cwd=workspace)
    if gen.returncode != 0:
        raise SystemExit(f"generate {workspace} failed: {gen.stderr[-2000:]}")
    with open(recipe, encoding="utf-8") as f:
        text = f.read()
    c.expect("\nFROM " + RUNTIME_BASE + " AS runtime\n" in text, f"{tag}: the recipe has a runtime stage on the runtime base")
    c.expect(text.rstrip("\n").split("\n\n")[-1].startswith("FROM scratch AS binaries\n"),
             f"{tag}: the binaries stage is still the last")
    built = run([tool, "build", recipe, "--context", workspace, "--vendor", REGISTRY, "--target", "runtime", "--tag", tag])
    if built.returncode != 0:
        print(built.stderr[-4000:])
        raise SystemExit(f"cargo-recipe build --target runtime of {workspace} failed (exit {built.returncode})")
    c.expect(built.stdout.strip() == tag, f"{tag}: build prints the image's name, got {built.stdout!r}")
    return built.stderr


def case_gitlink(c, tool, scratch):
    tag = "cargo-recipe-e2e/gitlink:runtime"
    generate_and_build(c, tool, scratch, os.path.join(WORKSPACES, "gitlink"), tag)
    installed = run([DOCKER, "run", "--rm", "--network", "none", tag, "dpkg-query", "-W", "libgit2-1.5"])
    c.expect(installed.returncode == 0, f"gitlink: the runtime image has libgit2's package: {installed.stderr!r}")
    added = sorted(set(packages(tag)) - set(packages(RUNTIME_BASE)))
    c.expect(added and all(not p.endswith("-dev") for p in added),
             f"gitlink: the runtime image adds run-time packages only: {added}")
    lacks = run([DOCKER, "run", "--rm", "--network", "none", RUNTIME_BASE, "dpkg-query", "-W", "libgit2-1.5"])
    c.expect(lacks.returncode != 0, "gitlink: the runtime base itself has no libgit2 (else the case proves nothing)")
    version = run([DOCKER, "run", "--rm", "--network", "none", tag, "gitlink", "--version"])
    c.expect(version.returncode == 0 and version.stdout == "gitlink 0.1.0 (libgit2 1.5)\n",
             f"gitlink: --version from the runtime image: exit {version.returncode}, {version.stdout!r} {version.stderr!r}")
    run([DOCKER, "rmi", tag])


def case_twobins(c, tool, scratch):
    tag = "cargo-recipe-e2e/twobins:runtime"
    generate_and_build(c, tool, scratch, os.path.join(WORKSPACES, "twobins"), tag)
    c.expect(packages(tag) == packages(RUNTIME_BASE), "twobins: a pure-Rust binary adds no package to the runtime base")
    for name in ("cargo-kani", "kani"):
        version = run([DOCKER, "run", "--rm", "--network", "none", tag, name, "--version"])
        c.expect(version.stdout == f"{name} 0.1.0\n", f"twobins: {name} --version from the runtime image: {version.stdout!r}")
    run([DOCKER, "rmi", tag])


def main():
    tool = os.path.abspath(sys.argv[1])
    if run([DOCKER, "info"]).returncode != 0:
        print("e2e-runtime: skipped: no Docker daemon answers (hack/start-dockerd.sh starts one)")
        return SKIP
    if run([DOCKER, "image", "inspect", RUNTIME_BASE]).returncode != 0:
        print(f"e2e-runtime: skipped: no image {RUNTIME_BASE} (hack/make-base-image.sh --runtime makes it)")
        return SKIP
    c = Checks()
    with tempfile.TemporaryDirectory(prefix="cargo-recipe-e2e-runtime.") as scratch:
        case_gitlink(c, tool, scratch)
        case_twobins(c, tool, scratch)
    return c.summary("e2e-runtime")


if __name__ == "__main__":
    sys.exit(main())
