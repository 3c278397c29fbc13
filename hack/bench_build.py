#!/usr/bin/env python3
"""Recipe builds against a cargo-chef-style Dockerfile, in one run on one daemon and base image.

usage: hack/bench-build.sh WORKSPACE [--edit FILE] [--feature MANIFEST:DEPENDENCY:FEATURE] [-o FILE.md]

Three scenarios, each timed for both (wall clock of the whole command):
  cold     the engine's build cache wiped (docker builder prune -af), then a build
  edit     one line appended to FILE (default src/main.rs) of the workspace, then a build
  feature  FEATURE switched on for DEPENDENCY in MANIFEST (default: none: the scenario is left
           out), the recipe generated again, then a build
The baseline is hack/chef-style.Dockerfile (dependencies compiled in one layer from a skeleton of
the manifests, then the workspace). Beside the times, where the recipe build's time went, read
from BuildKit's plain log: the steps' own durations summed by kind, the critical path through the
recipe's stages (each stage's steps plus the longest path to it), and the core-seconds left idle.
Prints a Markdown report (and writes it to FILE.md with -o). Uses $CARGO_RECIPE, else
build/cargo-recipe. Wipes the daemon's build cache: run it on a machine doing nothing else.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGISTRY = "/usr/share/cargo/registry"
TOOLCHAIN = os.path.join(ROOT, "recipes", "toolchains", "rust-base-bookworm.toml")
DOCKER = "/usr/bin/docker" if os.path.exists("/usr/bin/docker") else "docker"
ENV = dict(os.environ, DOCKER_BUILDKIT="1")


def run(argv, **kw):
    kw.setdefault("check", True)
    return subprocess.run(argv, capture_output=True, text=True, env=ENV, **kw)


def timed(argv, **kw):
    start = time.monotonic()
    result = run(argv, check=False, **kw)
    seconds = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"bench-build: {' '.join(argv[:3])} failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return seconds, result


class Workspace:
    """A scratch copy of the workspace, and the chef context staged from it."""

    def __init__(self, source, scratch):
        self.path = os.path.join(scratch, "workspace")
        shutil.copytree(source, self.path, symlinks=True, ignore=shutil.ignore_patterns("target"))
        self.chef_context = os.path.join(scratch, "chef-context")

    def stage_chef_context(self):
        """The workspace, its registry crates in vendor/ and a .cargo/config.toml naming it."""
        if os.path.exists(self.chef_context):
            shutil.rmtree(self.chef_context)
        shutil.copytree(self.path, self.chef_context, symlinks=True, ignore=shutil.ignore_patterns("target", ".cargo"))
        metadata = json.loads(run(["cargo", "metadata", "--format-version", "1", "--offline", "--locked"],
                                  cwd=self.path).stdout)
        vendor = os.path.join(self.chef_context, "vendor")
        for package in metadata["packages"]:
            if (package.get("source") or "").startswith("registry+"):
                shutil.copytree(os.path.dirname(package["manifest_path"]),
                                os.path.join(vendor, f"{package['name']}-{package['version']}"))
        os.makedirs(os.path.join(self.chef_context, ".cargo"))
        with open(os.path.join(self.chef_context, ".cargo", "config.toml"), "w") as f:
            f.write('[source.crates-io]\nreplace-with = "vendored"\n\n[source.vendored]\ndirectory = "vendor"\n')
        shutil.copy(os.path.join(ROOT, "hack", "chef-skeleton.sh"), self.chef_context)


class Bench:
    def __init__(self, tool, workspace, scratch):
        self.tool = tool
        self.ws = workspace
        self.scratch = scratch
        self.recipe = os.path.join(scratch, "recipe.Dockerfile")

    def chef_build(self):
        self.ws.stage_chef_context()
        seconds, _ = timed([DOCKER, "build", "--progress=plain", "-f", os.path.join(ROOT, "hack", "chef-style.Dockerfile"),
                            "--target", "build", "-t", "cargo-recipe-bench/chef", self.ws.chef_context])
        return seconds

    def recipe_build(self):
        generate, _ = timed([self.tool, "generate", "--offline", "--locked", "--toolchain", TOOLCHAIN,
                             "--sources", "vendor=" + REGISTRY, "-o", self.recipe], cwd=self.ws.path)
        # The engine's log: in --log FILE where build has it, else on build's stderr.
        log_file = os.path.join(self.scratch, "engine.log")
        log_option = ["--log", log_file] if "--log" in run([self.tool, "build", "--help"]).stdout else []
        build, result = timed([self.tool, "build", self.recipe, "--runner", "docker", "--context", self.ws.path,
                               "--vendor", REGISTRY, "-o", os.path.join(self.scratch, "bin"), *log_option])
        return generate + build, open(log_file).read() if log_option else result.stderr

    def wipe_cache(self):
        run([DOCKER, "builder", "prune", "-af"])


# Plain progress: "#12 [stage-name 2/3] RUN ...", "#12 DONE 4.2s", "#12 CACHED".
STEP = re.compile(r"^#(\d+) \[([^\]\s]+) (\d+)/(\d+)\] (\w+)")
DONE = re.compile(r"^#(\d+) DONE (\d+(?:\.\d+)?)s")


def steps_of(log):
    """{step id: (stage, instruction, seconds or None)} of the steps the log shows."""
    steps, done = {}, {}
    for line in log.splitlines():
        if m := STEP.match(line):
            steps[m.group(1)] = (m.group(2), m.group(5))
        elif m := DONE.match(line):
            done[m.group(1)] = float(m.group(2))
    return {i: (stage, what, done.get(i)) for i, (stage, what) in steps.items()}


def stage_inputs(recipe_text):
    """{stage: stages it reads} from FROM x AS stage, --mount=...from=x and COPY --from=x."""
    inputs, current = {}, None
    for line in recipe_text.splitlines():
        if m := re.match(r"^FROM (\S+) AS (\S+)", line):
            current = m.group(2)
            inputs[current] = {m.group(1)}
        elif current:
            inputs[current].update(re.findall(r"from=([A-Za-z0-9._-]+)", line))
    return inputs


def breakdown(log, recipe_text):
    steps = steps_of(log)
    by_stage, kinds = {}, {}
    for stage, what, seconds in steps.values():
        if seconds is None:
            continue
        by_stage[stage] = by_stage.get(stage, 0.0) + seconds
        kind = ("out- copies" if stage.startswith("out-") else
                "unit runs" if what == "RUN" and not stage.startswith(("base", "packages")) else "other steps")
        count, total = kinds.get(kind, (0, 0.0))
        kinds[kind] = (count + 1, total + seconds)
    inputs = stage_inputs(recipe_text)
    finish = {}

    def finish_of(stage):
        if stage not in finish:
            before = [finish_of(s) for s in inputs.get(stage, ()) if s in inputs]
            finish[stage] = by_stage.get(stage, 0.0) + max(before, default=0.0)
        return finish[stage]

    critical = max((finish_of(s) for s in inputs), default=0.0)
    busy = sum(by_stage.values())
    return kinds, critical, busy


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workspace")
    ap.add_argument("--edit", default="src/main.rs")
    ap.add_argument("--feature", help="MANIFEST:DEPENDENCY:FEATURE")
    ap.add_argument("-o", dest="out")
    args = ap.parse_args()
    tool = os.environ.get("CARGO_RECIPE", os.path.join(ROOT, "build", "cargo-recipe"))
    sys.setrecursionlimit(100000)
    cores = os.cpu_count() or 1
    rows, details = [], []
    with tempfile.TemporaryDirectory(prefix="cargo-recipe-bench-build.") as scratch:
        ws = Workspace(os.path.abspath(args.workspace), scratch)
        bench = Bench(os.path.abspath(tool), ws, scratch)

        def scenario(name):
            chef = bench.chef_build()
            recipe, log = bench.recipe_build()
            rows.append((name, chef, recipe))
            kinds, critical, busy = breakdown(log, open(bench.recipe).read())
            details.append((name, recipe, kinds, critical, busy))

        bench.wipe_cache()
        scenario("cold")
        with open(os.path.join(ws.path, args.edit), "a") as f:
            f.write("// edited by hack/bench-build.sh\n")
        scenario(f"edit of {args.edit}")
        if args.feature:
            manifest, dependency, feature = args.feature.split(":")
            path = os.path.join(ws.path, manifest)
            text = open(path).read()
            spec = re.search(rf"^{re.escape(dependency)} = (.+)$", text, re.M)
            if not spec:
                sys.exit(f"bench-build: {manifest} has no line \"{dependency} = ...\"")
            value = spec.group(1)
            new = (value[:-1].rstrip() + f', features = ["{feature}"] }}' if value.startswith("{")
                   else f'{{ version = {value}, features = ["{feature}"] }}')
            if "features = [" in value:
                new = value.replace("features = [", f'features = ["{feature}", ', 1)
            open(path, "w").write(text.replace(spec.group(0), f"{dependency} = {new}", 1))
            scenario(f"feature {feature} of {dependency}")

    lines = [f"`hack/bench-build.sh {args.workspace}` ({cores} cores, one run)", "",
             "| scenario | cargo-chef style (s) | recipe (s) | recipe / chef |", "|---|---:|---:|---:|"]
    lines += [f"| {n} | {c:.1f} | {r:.1f} | {r / c:.2f} |" for n, c, r in rows]
    lines += ["", "Where the recipe build's time went (steps' own durations from BuildKit's log):", "",
              "| scenario | wall (s) | unit runs | out- copies | other steps | critical path (s) | idle core-s |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for name, wall, kinds, critical, busy in details:
        cell = lambda k: "{} in {:.1f} s".format(*kinds.get(k, (0, 0.0)))
        lines.append(f"| {name} | {wall:.1f} | {cell('unit runs')} | {cell('out- copies')} | {cell('other steps')} "
                     f"| {critical:.1f} | {max(0.0, cores * wall - busy):.0f} |")
    report = "\n".join(lines) + "\n"
    print(report, end="")
    if args.out:
        open(args.out, "w").write(report)


if __name__ == "__main__":
    main()
