#!/usr/bin/env python3
"""End-to-end: large recipes build, again and again, from scratch.

usage: large_test.py CARGO_RECIPE WORKSPACE [--runs N] [--runner docker|buildah] [--jobs N]

  WORKSPACE  synthetic:WxD  a workspace of W x D trivial path crates (hack/synthetic-workspace.py,
                            fan-in 2, a build script every 10th crate) and one binary
             large          tests/workspaces/large (161 Debian crates)

Generates the workspace's recipe, then builds it N times (default 1) with --no-cache on the engine:
every build must succeed, within the engine's limits, and its binaries print what `cargo build
--release` of the same workspace prints on this machine. Prints each build's wall time.
Exits 77 (CTest: skipped) when the engine does not answer. Prints "large: N passed, M failed".
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time

from checks import Checks
from recipes_test import REGISTRY, ROOT, SKIP, TOOLCHAIN, run


def engine_answers(runner):
    probe = ["buildah", "--version"] if runner == "buildah" else ["docker", "info"]
    return shutil.which(probe[0]) is not None and run(probe, check=False).returncode == 0


def workspace_for(spec, scratch):
    """The workspace folder, and for a synthetic one the unit count its generator promises."""
    if spec == "large":
        return os.path.join(ROOT, "tests", "workspaces", "large"), None
    width, depth = spec.removeprefix("synthetic:").split("x")
    folder = os.path.join(scratch, "synthetic")
    units = run([sys.executable, os.path.join(ROOT, "hack", "synthetic-workspace.py"), folder,
                 "--width", width, "--depth", depth, "--build-script-every", "10"]).stdout
    return folder, int(units)


def cargo_outputs(workspace, scratch, names):
    target = os.path.join(scratch, "cargo-target")
    run(["cargo", "build", "--release", "--offline", "--locked"], cwd=workspace,
        env=dict(os.environ, CARGO_TARGET_DIR=target))
    return {n: run([os.path.join(target, "release", n)]).stdout for n in names}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tool")
    ap.add_argument("workspace")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--runner", default="docker", choices=["docker", "buildah"])
    ap.add_argument("--jobs", type=int)
    args = ap.parse_args()
    if not engine_answers(args.runner):
        print(f"large: skipped: {args.runner} does not answer (hack/start-dockerd.sh, hack/start-buildah.sh)")
        return SKIP
    c = Checks()
    with tempfile.TemporaryDirectory(prefix="cargo-recipe-large.") as scratch:
        workspace, promised = workspace_for(args.workspace, scratch)
        recipe = os.path.join(scratch, "large.Dockerfile")
        run([os.path.abspath(args.tool), "generate", "--offline", "--locked", "--toolchain", TOOLCHAIN,
             "--sources", "vendor=" + REGISTRY, "-o", recipe], cwd=workspace)
        plan = run([os.path.abspath(args.tool), "plan", "--offline", "--locked", "--format", "json"], cwd=workspace)
        units = len(json.loads(plan.stdout)["units"])
        if promised is not None:
            c.expect(units == promised, f"the plan has {units} units, the synthetic workspace {promised}")
        print(f"large: {args.workspace}: {units} units")
        expected = None
        for n in range(1, args.runs + 1):
            out = os.path.join(scratch, f"bin-{n}")
            extra = ["--jobs", str(args.jobs)] if args.jobs else []
            start = time.monotonic()
            result = run([os.path.abspath(args.tool), "build", recipe, "--runner", args.runner, "--context", workspace,
                          "--vendor", REGISTRY, "--no-cache", "-o", out, *extra], check=False)
            seconds = time.monotonic() - start
            if not c.expect(result.returncode == 0,
                            f"build {n} of {args.workspace} on {args.runner} exits {result.returncode}: "
                            f"{result.stderr.strip().splitlines()[-1:] }"):
                print(result.stderr[-3000:])
                continue
            print(f"large: build {n}/{args.runs} on {args.runner}: ok in {seconds:.1f} s")
            bins = sorted(os.listdir(out))
            if expected is None:
                expected = cargo_outputs(workspace, scratch, bins)
            for b in bins:
                got = run([os.path.join(out, b)]).stdout
                c.expect(got == expected[b] and got, f"build {n}: {b} prints {got[:200]!r}, cargo's prints {expected[b][:200]!r}")
    return c.summary("large")


if __name__ == "__main__":
    sys.exit(main())
