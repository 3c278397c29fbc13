#!/usr/bin/env python3
"""End-to-end: what `cargo-recipe build` shows while it builds, against a real BuildKit.
usage: progress_test.py CARGO_RECIPE CASE   (CASE: plain | tty | explain)
  plain  build the twobins workspace (one dependency, a library, two binaries) after an edit of its
         library, stderr not a terminal: one line per unit ("built …" / "cached …"), each unit once,
         then the summary; the engine's log is in the --log file, not on stderr.
  tty    the same in a pseudo-terminal (script(1)): the total line "units D/N" is redrawn as units
         finish, D only grows and ends at N, and the summary's built + cached is N.
  explain build, build --explain (no plan of the previous build: one line), edit the library,
         build --explain: each unit built again is named once, the library and both binaries (same
         package) for the change of twobins' source files; nothing for itoa.
Each run edits the library anew: BuildKit's cache is content-addressed and remembers old edits.
Exits 77 (CTest: skipped) when no engine answers or script(1) is missing. Prints "e2e: N passed, M failed".
"""
import os
import re
import shutil
import sys
import tempfile

from checks import Checks
from recipes_test import REGISTRY, ROOT, SKIP, TOOLCHAIN, engine_available, run


class Case(Checks):
    def __init__(self, tool, scratch):
        super().__init__()
        self.tool = tool
        self.scratch = scratch
        self.workspace = os.path.join(scratch, "twobins")
        shutil.copytree(os.path.join(ROOT, "tests", "workspaces", "twobins"), self.workspace)
        # In a repository's recipes/ folder, with the manifest path relative to the repository: the
        # only header build --explain plans from.
        os.mkdir(os.path.join(scratch, "recipes"))
        self.recipe = os.path.join(scratch, "recipes", "twobins.Dockerfile")
        run([tool, "generate", "--manifest-path", "twobins/Cargo.toml", "--offline", "--locked",
             "--toolchain", TOOLCHAIN, "--sources", "vendor=" + REGISTRY, "-o", self.recipe], cwd=scratch)
        # The units the recipe runs, read from the comments generate writes above them: "# lib itoa@1.0.1 itoa".
        with open(self.recipe) as f:
            self.units = [line.split()[1:5] for line in f if re.match(r"# [a-z-]+ \S+@\S+ \S+", line)]
        self.env = dict(os.environ, XDG_STATE_HOME=os.path.join(scratch, "state"))

    def edit(self):
        with open(os.path.join(self.workspace, "src", "lib.rs"), "a") as f:
            f.write(f"\npub fn recipe_edit_marker() -> u64 {{ 0x{os.urandom(6).hex()} }}\n")

    def build_argv(self, *extra):
        return [self.tool, "build", self.recipe, "--context", self.workspace, "--vendor", REGISTRY,
                "-o", os.path.join(self.scratch, "bin"), "--log", os.path.join(self.scratch, "build.log"), *extra]

    def check_summary(self, shown, label):
        m = re.search(r"^summary: (\d+) units, (\d+) built, (\d+) cached, in ", shown, re.M)
        if not self.expect(m is not None, f"{label}: a summary line: {shown[-800:]!r}"):
            return
        total, built, cached = (int(g) for g in m.groups())
        self.expect(total == len(self.units) and built + cached == total,
                    f"{label}: summary {total} units = {built} built + {cached} cached, the recipe has {len(self.units)}")
        self.expect(built >= 1, f"{label}: the edited library was built again, not cached ({built} built)")
        self.expect("critical path: " in shown and "outputs: " + os.path.join(self.scratch, "bin") in shown,
                    f"{label}: the summary names the critical path and the outputs")
        with open(os.path.join(self.scratch, "build.log")) as f:
            log = f.read()
        self.expect(re.search(r"^#\d+ \[lib-itoa-", log, re.M) is not None, f"{label}: the engine's log is in --log")
        self.expect(re.search(r"^#\d+ \[", shown, re.M) is None, f"{label}: no engine log on stderr")


def case_plain(c):
    c.edit()
    result = run(c.build_argv("--progress", "plain"), env=c.env, check=False)
    c.expect(result.returncode == 0, f"plain: build exits 0, got {result.returncode}: {result.stderr[-1500:]}")
    lines = [line for line in result.stderr.splitlines() if re.match(r"(built|cached) ", line)]
    titles = sorted(re.sub(r"^(built|cached) | in [0-9.]+ s$", "", line) for line in lines)
    want = sorted(f"{kind} {pkg.split('@')[0]} {pkg.split('@')[1]}" +
                  ("" if target == pkg.split('@')[0].replace("-", "_") or kind.startswith("build-script") else " " + target)
                  + (" (host)" if rest[:1] == ["(host)"] else "")
                  for kind, pkg, target, *rest in c.units)
    c.expect(titles == want, f"plain: one line per unit, each once: {titles} (the recipe's units: {want})")
    c.expect(all(re.fullmatch(r"built .* in [0-9]+\.[0-9] s|cached .*", line) for line in lines),
             f"plain: lines read 'built UNIT in T s' or 'cached UNIT': {lines}")
    c.check_summary(result.stderr, "plain")
    print("plain:\n" + result.stderr)


def case_tty(c):
    c.edit()
    typescript = os.path.join(c.scratch, "typescript")
    command = " ".join("'" + word + "'" for word in c.build_argv())
    result = run(["script", "-qfec", command, typescript], env=c.env, check=False)
    c.expect(result.returncode == 0, f"tty: build exits 0, got {result.returncode}: {result.stdout[-1500:]}")
    with open(typescript, errors="replace") as f:
        shown = f.read()
    done = [(int(d), int(n)) for d, n in re.findall(r"units (\d+)/(\d+) \(\d+ cached\)", shown)]
    counts = [d for d, _ in done]
    c.expect(len(set(counts)) >= 2, f"tty: the total line moves: {sorted(set(counts))}")
    c.expect(counts == sorted(counts), "tty: units done only grow")
    c.expect(bool(done) and done[-1] == (len(c.units), len(c.units)),
             f"tty: the last total line is {done[-1:]} of {len(c.units)} units")
    c.expect("\x1b[J" in shown and "  building " in shown, "tty: running units drawn, redrawn in place")
    c.check_summary(shown.replace("\r", ""), "tty")
    final = shown.replace("\r\n", "\n").split("\x1b[J")[-1]
    print("tty final frame and summary:\n" + final)


def case_explain(c):
    # Only --explain plans and keeps the plan: after a build without it there is none to compare
    # with, and that build --explain keeps one for the next.
    run(c.build_argv("--progress", "quiet"), env=c.env)
    first = run(c.build_argv("--progress", "quiet", "--explain"), env=c.env, check=False)
    c.expect(first.returncode == 0 and "explain: no plan of the previous build to compare with: it ran without "
             "--explain\n" in first.stderr, f"explain: after a build without --explain, one line: {first.stderr[-1500:]!r}")
    c.edit()
    result = run(c.build_argv("--progress", "plain", "--explain"), env=c.env, check=False)
    c.expect(result.returncode == 0, f"explain: build exits 0, got {result.returncode}: {result.stderr[-1500:]}")
    built = sorted(re.sub(r"^built | in [0-9.]+ s$", "", line) for line in result.stderr.splitlines()
                   if line.startswith("built "))
    m = re.search(r"^explain: (\d+) units? built, against the previous build:\n((?:  .*\n)*)", result.stderr, re.M)
    if not c.expect(m is not None, f"explain: a heading: {result.stderr[-1500:]!r}"):
        return
    reasons = dict(line[2:].split(": ", 1) for line in m.group(2).splitlines())
    c.expect(int(m.group(1)) == len(built) and sorted(reasons) == built,
             f"explain: one reason per unit built: {sorted(reasons)}, built {built}")
    c.expect(built == ["bin twobins 0.1.0 cargo-kani", "bin twobins 0.1.0 kani", "lib twobins 0.1.0"],
             f"explain: the edit rebuilt twobins' units only: {built}")
    c.expect(all(r.startswith("source files of twobins@0.1.0 changed (") for r in reasons.values()),
             f"explain: each names the change of twobins' files: {reasons}")
    print("explain:\n" + m.group(0))


def main():
    tool, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    if not engine_available():
        print("e2e: skipped: no Docker daemon answers (hack/start-dockerd.sh starts one)")
        return SKIP
    if case == "tty" and shutil.which("script") is None:
        print("e2e: skipped: script(1) is missing (util-linux; hack/install-deps.sh installs it)")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="cargo-recipe-e2e.") as scratch:
        c = Case(tool, scratch)
        {"plain": case_plain, "tty": case_tty, "explain": case_explain}[case](c)
    return c.summary()


if __name__ == "__main__":
    sys.exit(main())
