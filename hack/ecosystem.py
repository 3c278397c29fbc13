#!/usr/bin/env python3
"""Debian's Rust crates through cargo-recipe, with cargo in the same image as the oracle.

usage: ecosystem.py [--registry DIR] [--bins | --bins-limit N] [--libs N] [--seed S] [--crates NAME@VERSION,...]
                    [--tool build/cargo-recipe] [--out FILE] [--tsv FILE] [--check] [--budget SECONDS]
                    [--step-timeout SECONDS]

For each crate of the registry (Debian's layout: NAME-VERSION folders with .cargo-checksum.json):
  binary crates   `cargo-recipe install NAME@VERSION`, the recipe built twice with every unit
                  step run again (`audit build --runs 2`: every unit's outputs bit-identical?), its
                  runtime image built, and its first binary run with --version (else --help)
                  there, offline.
  library crates  a probe workspace depending on NAME = "=VERSION" (and nothing else), its recipe
                  generated and built twice the same way.
The oracle is cargo in the base image (cargo-recipe/rust-base:bookworm) with the same Debian
packages the recipe installs (its "# apt packages:" lines) and the registry mounted read-only,
offline: `cargo install` of the same crate, or `cargo build --release` of the same probe (whose
Cargo.lock cargo makes there first). Each crate is one of: both build, both fail, only cargo, only
recipe; for binaries also whether the run in the runtime image gives what cargo's binary gives in
the base image (exit code and stdout).

Writes a TSV (one line per crate) and a Markdown report. With --check (the CTest slice) exits 1
unless every crate agrees: both build, two builds identical, the same run. Exit 2 for bad options,
3 when no engine or base image answers (77 with --check: CTest's "skipped"). One crate at a time: one docker build at a time.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCKER = "/usr/bin/docker"
BASE_IMAGE = "cargo-recipe/rust-base:bookworm"
RUNTIME_BASE = "cargo-recipe/runtime-base:bookworm"
TOOLCHAIN = os.path.join(ROOT, "recipes", "toolchains", "rust-base-bookworm.toml")
BUILD_TIMEOUT = 1200


def run(argv, timeout=None, **kw):
    timeout = timeout or BUILD_TIMEOUT
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, **kw)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(argv, 124, "", f"timed out after {timeout} s")


def last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def crate_error(text):
    """The line of a build log that says why: an error line if any, else the last."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    for line in reversed(lines):
        if "error" in line.lower():
            return line.strip()[:300]
    return last_line(text)


class Crate:
    def __init__(self, folder, manifest):
        pkg = manifest.get("package", {})
        self.name = pkg.get("name", "")
        self.version = pkg.get("version", "")
        self.folder = folder
        self.has_bin = has_bin(folder, manifest)
        # How much it pulls in, roughly: a short run tries the small crates first.
        self.weight = len(manifest.get("dependencies", {})) + len(manifest.get("build-dependencies", {}))

    @property
    def spec(self):
        return f"{self.name}@{self.version}"

    @property
    def exact(self):
        """=MAJOR.MINOR.PATCH[-PRE]: a requirement without the build metadata cargo ignores anyway."""
        return "=" + self.version.split("+", 1)[0]


def has_bin(folder, manifest):
    if manifest.get("bin"):
        return True
    if manifest.get("package", {}).get("autobins", True) is False:
        return False
    return os.path.isfile(os.path.join(folder, "src", "main.rs")) or os.path.isdir(os.path.join(folder, "src", "bin"))


def read_registry(registry):
    crates = []
    for entry in sorted(os.listdir(registry)):
        folder = os.path.join(registry, entry)
        manifest_path = os.path.join(folder, "Cargo.toml")
        if not os.path.isfile(manifest_path):
            continue
        try:
            with open(manifest_path, "rb") as f:
                manifest = tomllib.load(f)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        crate = Crate(folder, manifest)
        if crate.name and crate.version:
            crates.append(crate)
    return crates


def apt_packages(recipe_text):
    packages = set()
    for line in recipe_text.splitlines():
        if line.startswith("# apt packages: "):
            packages.update(line[len("# apt packages: "):].split())
    return sorted(packages)


def binaries_of(recipe_text):
    for line in recipe_text.splitlines():
        if line.startswith("# binaries:"):
            return line[len("# binaries:"):].split()
    return []


def cargo_config(registry):
    return (f'[source.crates-io]\nreplace-with = "vendored"\n\n[source.vendored]\ndirectory = {json.dumps(registry)}\n\n'
            '[net]\noffline = true\n')


def oracle(script, work, registry, packages):
    """`script` in the base image, as root, with `work` and the registry mounted at their own
    paths, the packages installed first (the only step with the network)."""
    prefix = ""
    network = ["--network", "none"]
    if packages:
        prefix = ("export DEBIAN_FRONTEND=noninteractive; apt-get update -qq >/dev/null && "
                  "apt-get install -y -qq --no-install-recommends " + " ".join(packages) + " >/dev/null || "
                  "{ echo 'oracle: apt-get install failed' >&2; exit 97; }; ")
        network = []
    argv = [DOCKER, "run", "--rm", *network, "-v", f"{registry}:{registry}:ro", "-v", f"{work}:{work}",
            "-e", f"CARGO_HOME={work}/cargo-home", "-w", work, BASE_IMAGE, "bash", "-c", prefix + script]
    return run(argv)


def build_twice(tool, recipe, registry, context=None):
    """Two builds with every unit step run again (`audit build --runs 2`, which also varies the
    context path, SOURCE_DATE_EPOCH, environment noise and umask): (ok, identical, error line)."""
    argv = [tool, "audit", "build", recipe, "--runs", "2", "--vendor", registry]
    if context:
        argv += ["--context", context]
    r = run(argv)
    if r.returncode in (0, 1):
        return True, r.returncode == 0, "" if r.returncode == 0 else crate_error(r.stdout + r.stderr)
    return False, None, f"exit {r.returncode}: {crate_error(r.stderr)}"


RUN_SCRIPT = 'for a in --version --help; do "$@" "$a" </dev/null >/tmp/o 2>/dev/null; rc=$?; [ $rc = 0 ] && break; done; ' \
             'echo "rc=$rc arg=$a"; head -c 400 /tmp/o'


def run_in(image, binary):
    # By its path: a binary named like a shell builtin (wait-timeout's `exit`) must not be the builtin.
    r = run([DOCKER, "run", "--rm", "--network", "none", image, "sh", "-c", RUN_SCRIPT, "run", "/usr/local/bin/" + binary],
            timeout=120)
    return r.stdout if r.returncode == 0 else f"docker run exit {r.returncode}: {last_line(r.stderr)}"


def check_binary_crate(tool, crate, registry, work):
    row = {"crate": crate.spec, "kind": "bin"}
    recipe = os.path.join(work, "recipe.Dockerfile")
    gen = run([tool, "install", crate.spec, "--sources", "vendor=" + registry, "--toolchain", TOOLCHAIN, "-o", recipe])
    packages = []
    if gen.returncode == 0:
        with open(recipe, encoding="utf-8") as f:
            text = f.read()
        packages = apt_packages(text)
        bins = binaries_of(text)
        ok, identical, why = build_twice(tool, recipe, registry)
        row.update(recipe="build" if ok else "fail", identical=identical, recipe_why=why)
        if ok:
            tag = "cargo-recipe-ecosystem/" + re.sub(r"[^a-z0-9]+", "-", crate.name.lower()).strip("-") + ":run"
            rt = run([tool, "build", recipe, "--vendor", registry, "--target", "runtime", "--tag", tag])
            row["recipe_run"] = run_in(tag, bins[0]) if rt.returncode == 0 and bins else \
                f"runtime build exit {rt.returncode}: {crate_error(rt.stderr)}"
            run([DOCKER, "rmi", tag])
            row["binary"] = bins[0] if bins else ""
    else:
        row.update(recipe="fail", identical=None, recipe_why=f"generate exit {gen.returncode}: {last_line(gen.stderr)}")
    # cargo install of the same crate, then the same run of the same binary.
    os.makedirs(os.path.join(work, "cargo-home"), exist_ok=True)
    with open(os.path.join(work, "cargo-home", "config.toml"), "w") as f:
        f.write(cargo_config(registry))
    binary = row.get("binary", "")
    script = (f"cargo install {crate.name} --version '{crate.exact}' --root {work}/oracle --offline -q 2>{work}/oracle.err; "
              f"rc=$?; [ $rc = 0 ] || {{ tail -n 5 {work}/oracle.err >&2; exit $rc; }}; "
              # Older cargo only warns when no binary is left (required-features), and exits 0.
              f"ls {work}/oracle/bin/* >/dev/null 2>&1 || {{ echo 'error: cargo install exited 0 but installed no binary' >&2; exit 96; }}; ")
    if binary:
        # At the runtime image's path: a usage line that prints argv[0] reads the same.
        script += f"cp {work}/oracle/bin/{binary} /usr/local/bin/; set -- /usr/local/bin/{binary}; " + RUN_SCRIPT
    r = oracle(script, work, registry, packages)
    row["cargo"] = "build" if r.returncode == 0 else "fail"
    row["cargo_why"] = "" if r.returncode == 0 else f"exit {r.returncode}: {crate_error(r.stderr)}"
    if binary and r.returncode == 0:
        row["cargo_run"] = r.stdout
    return row


def check_library_crate(tool, crate, registry, work):
    row = {"crate": crate.spec, "kind": "lib"}
    probe = os.path.join(work, "probe")
    os.makedirs(os.path.join(probe, "src"))
    os.makedirs(os.path.join(probe, ".cargo"))
    with open(os.path.join(probe, "Cargo.toml"), "w") as f:
        f.write('[package]\nname = "probe"\nversion = "0.0.0"\nedition = "2021"\nrust-version = "1.63"\npublish = false\n\n'
                f'[dependencies]\n{json.dumps(crate.name)} = {json.dumps(crate.exact)}\n')
    with open(os.path.join(probe, "src", "main.rs"), "w") as f:
        f.write("fn main() {}\n")
    with open(os.path.join(probe, ".cargo", "config.toml"), "w") as f:
        f.write(cargo_config(registry))
    # The lockfile, made by the image's cargo: what both sides build.
    lock = oracle(f"cd {probe} && cargo generate-lockfile --offline -q", work, registry, [])
    if lock.returncode != 0:
        why = f"no lockfile: {crate_error(lock.stderr)}"
        row.update(recipe="fail", identical=None, recipe_why=why, cargo="fail", cargo_why=why)
        return row
    recipe = os.path.join(work, "recipe.Dockerfile")
    gen = run([tool, "generate", "--manifest-path", os.path.join(probe, "Cargo.toml"), "--offline", "--locked",
               "--toolchain", TOOLCHAIN, "--sources", "vendor=" + registry, "-o", recipe], cwd=probe)
    packages = []
    if gen.returncode == 0:
        with open(recipe, encoding="utf-8") as f:
            packages = apt_packages(f.read())
        ok, identical, why = build_twice(tool, recipe, registry, context=probe)
        row.update(recipe="build" if ok else "fail", identical=identical, recipe_why=why)
    else:
        row.update(recipe="fail", identical=None, recipe_why=f"generate exit {gen.returncode}: {last_line(gen.stderr)}")
    r = oracle(f"cd {probe} && CARGO_TARGET_DIR={work}/oracle-target cargo build --release --offline --locked -q",
               work, registry, packages)
    row["cargo"] = "build" if r.returncode == 0 else "fail"
    row["cargo_why"] = "" if r.returncode == 0 else f"exit {r.returncode}: {crate_error(r.stderr)}"
    return row


def outcome(row):
    return {("build", "build"): "both build", ("fail", "fail"): "both fail",
            ("fail", "build"): "only cargo", ("build", "fail"): "only recipe"}[(row["recipe"], row["cargo"])]


def agrees(row):
    """Both build, bit-identical, and (for binaries) the same run; or both fail."""
    if outcome(row) == "both fail":
        return True
    if outcome(row) != "both build" or not row.get("identical"):
        return False
    return row["kind"] != "bin" or not row.get("binary") or row.get("recipe_run") == row.get("cargo_run")


def one_line(text):
    return " ".join((text or "").split()).replace("|", "\\|")


def render(rows, args, seconds, not_run):
    out = ["| crate | kind | outcome | two builds identical | run agrees | reason |", "|---|---|---|---|---|---|"]
    for row in rows:
        run_agrees = "" if row["kind"] != "bin" or outcome(row) != "both build" else \
            ("yes" if row.get("recipe_run") == row.get("cargo_run") else
             f"no: recipe {one_line(row.get('recipe_run'))[:80]} / cargo {one_line(row.get('cargo_run'))[:80]}")
        reason = one_line(row.get("recipe_why") or "") if outcome(row) == "only cargo" else \
            one_line(row.get("cargo_why") or "") if outcome(row) == "only recipe" else \
            one_line(row.get("recipe_why") or row.get("cargo_why") or "")
        identical = "" if row.get("identical") is None else ("yes" if row["identical"] else "NO")
        out.append(f"| {row['crate']} | {row['kind']} | {outcome(row)} | {identical} | {run_agrees} | {reason[:200]} |")
    lines = []
    for kind in ("bin", "lib"):
        of_kind = [r for r in rows if r["kind"] == kind]
        if not of_kind:
            continue
        counts = {}
        for r in of_kind:
            counts[outcome(r)] = counts.get(outcome(r), 0) + 1
        built = [r for r in of_kind if outcome(r) == "both build"]
        same = sum(1 for r in built if r.get("identical"))
        agree = sum(1 for r in of_kind if agrees(r))
        lines.append(f"- {kind}: {len(of_kind)} crates; " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) +
                     f"; agreement {agree}/{len(of_kind)} ({100 * agree // len(of_kind)}%); "
                     f"bit-identical {same}/{len(built)} of those both build")
    header = [f"Run of `hack/ecosystem.py {' '.join(sys.argv[1:])}`: {len(rows)} crates in {seconds // 60} min.", ""]
    header += lines + [""]
    if not_run:
        header += [f"Not run (time budget): {not_run} selected crates.", ""]
    return "\n".join(header + out) + "\n"


def main():
    global BUILD_TIMEOUT
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--registry", default="/usr/share/cargo/registry")
    p.add_argument("--tool", default=os.path.join(ROOT, "build", "cargo-recipe"))
    p.add_argument("--bins", action="store_true", help="every crate with a binary target")
    p.add_argument("--libs", type=int, default=0, help="a sample of N library crates")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--crates", default="", help="NAME@VERSION,... (instead of --bins/--libs)")
    p.add_argument("--budget", type=int, default=0, help="stop starting crates after this many seconds")
    p.add_argument("--step-timeout", type=int, default=BUILD_TIMEOUT, help="seconds one build or oracle may take")
    p.add_argument("--out", help="Markdown report")
    p.add_argument("--tsv", help="one line per crate")
    p.add_argument("--check", action="store_true", help="exit 1 unless every crate agrees")
    args = p.parse_args()
    BUILD_TIMEOUT = args.step_timeout
    registry = os.path.abspath(args.registry)
    if not os.path.isdir(registry):
        print(f"ecosystem: no registry folder {registry} (hack/ecosystem.sh extract DIR makes one)", file=sys.stderr)
        return 2
    # No engine: 3, or for the CTest slice 77 (skipped, not passed).
    no_engine = 77 if args.check else 3
    if run([DOCKER, "info"], timeout=60).returncode != 0:
        print("ecosystem: no Docker daemon answers (hack/start-dockerd.sh starts one)", file=sys.stderr)
        return no_engine
    for image, how in ((BASE_IMAGE, "hack/make-base-image.sh"), (RUNTIME_BASE, "hack/make-base-image.sh --runtime")):
        if run([DOCKER, "image", "inspect", image], timeout=60).returncode != 0:
            print(f"ecosystem: no image {image} ({how} makes it)", file=sys.stderr)
            return no_engine
    crates = read_registry(registry)
    if args.crates:
        by_spec = {c.spec.split("+", 1)[0]: c for c in crates} | {c.spec: c for c in crates}
        selected = []
        for spec in args.crates.split(","):
            if spec not in by_spec:
                print(f"ecosystem: no crate {spec} in {registry}", file=sys.stderr)
                return 2
            selected.append(by_spec[spec])
    else:
        # Binary crates with the fewest direct dependencies first, so a run cut short by --budget
        # has tried as many as it could.
        selected = sorted((c for c in crates if c.has_bin), key=lambda c: (c.weight, c.spec)) if args.bins else []
        libs = sorted((c for c in crates if not c.has_bin), key=lambda c: c.spec)
        selected += random.Random(args.seed).sample(libs, min(args.libs, len(libs)))
    if not selected:
        print("ecosystem: nothing selected (give --bins, --libs N or --crates)", file=sys.stderr)
        return 2
    start = time.monotonic()
    rows = []
    for i, crate in enumerate(selected):
        if args.budget and time.monotonic() - start > args.budget:
            break
        with tempfile.TemporaryDirectory(prefix="cargo-recipe-ecosystem.") as work:
            check = check_binary_crate if crate.has_bin else check_library_crate
            row = check(args.tool, crate, registry, work)
        rows.append(row)
        print(f"ecosystem: [{i + 1}/{len(selected)}] {crate.spec} ({row['kind']}): {outcome(row)}"
              f"{'' if agrees(row) else ' DISAGREES'}", file=sys.stderr, flush=True)
    seconds = int(time.monotonic() - start)
    if args.tsv:
        with open(args.tsv, "w") as f:
            f.write("crate\tkind\trecipe\tcargo\tidentical\trecipe_run\tcargo_run\trecipe_why\tcargo_why\n")
            for r in rows:
                f.write("\t".join(one_line(str(r.get(k, ""))) for k in
                                  ("crate", "kind", "recipe", "cargo", "identical", "recipe_run", "cargo_run",
                                   "recipe_why", "cargo_why")) + "\n")
    report = render(rows, args, seconds, len(selected) - len(rows))
    if args.out:
        with open(args.out, "w") as f:
            f.write(report)
    else:
        sys.stdout.write(report)
    if args.check:
        bad = [r["crate"] for r in rows if outcome(r) != "both build" or not agrees(r)]
        if bad or len(rows) != len(selected):
            print(f"ecosystem: disagreement on {', '.join(bad) or 'crates not run'}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
