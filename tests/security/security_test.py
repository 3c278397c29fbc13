#!/usr/bin/env python3
"""One case per known attack of an untrusted pull request (docs/security.md): a manifest, lockfile,
hints file, recipe or workspace tree written to make cargo-recipe touch the host, write a
Dockerfile instruction of its own, or skip a checksum. Each must end in exit 2 with a one-line
error and nothing written or, for staging, leave every host file as it was.

Usage: security_test.py CARGO_RECIPE [--engine]   (--engine: also build against the real daemon)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = os.path.abspath(sys.argv[1])
WITH_ENGINE = "--engine" in sys.argv[2:]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
METADATA = FIXTURES / "guppy/small/metadata_dups.json"
LOCKFILE = FIXTURES / "cargo-lock/dups/v2/Cargo.lock"
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

failures = []
passes = 0


def run(args, cwd=None):
    env = dict(os.environ, LC_ALL="C", DOCKER_BUILDKIT="1")
    return subprocess.run([BIN] + args, cwd=cwd, env=env, capture_output=True, text=True, errors="replace")


def expect_refused(name, args, part, output, cwd=None):
    """exit 2, one stderr line holding `part`, nothing at `output` (None: a command without -o)."""
    global passes
    result = run(args + ([] if output is None else ["-o", str(output)]), cwd=cwd)
    lines = result.stderr.splitlines()
    problems = []
    if result.returncode != 2:
        problems.append(f"exit {result.returncode}, want 2")
    if len(lines) != 1:
        problems.append(f"{len(lines)} stderr lines, want 1")
    if part not in result.stderr:
        problems.append(f"no {part!r} in the message")
    if output is not None and Path(output).exists():
        problems.append(f"{output} was written")
    if problems:
        failures.append(f"{name}: {'; '.join(problems)}\n{result.stderr}")
    else:
        passes += 1


def check(name, condition, detail=""):
    global passes
    if condition:
        passes += 1
    else:
        failures.append(f"{name}: {detail}")


def engine_available():
    for client in ("docker", "/usr/bin/docker"):
        if shutil.which(client) and subprocess.run([client, "info"], capture_output=True).returncode == 0:
            return True
    return False


def mutated_metadata(work, name, mutate):
    doc = json.loads(METADATA.read_text())
    mutate(doc)
    path = work / f"{name}.json"
    path.write_text(json.dumps(doc))
    return path


def root_package(doc):
    return next(p for p in doc["packages"] if p["source"] is None)


def metadata_attacks(work):
    out = work / "plan.json"

    def refuse(name, mutate, part):
        metadata = mutated_metadata(work, name, mutate)
        expect_refused(name, ["plan", "--metadata", str(metadata), "--lockfile", str(LOCKFILE)], part, out)

    # Finding 2: a newline in a target name becomes a RUN line.
    refuse("newline in lib name", lambda d: root_package(d)["targets"][0].update(name="x\nRUN touch /pwned"),
           'target name "x\\nRUN touch /pwned" may hold only')
    # Finding 2: in the package name and version (ADD url, --mount source, stage comments).
    refuse("newline in package name", lambda d: root_package(d).update(name="x\nRUN touch /pwned"),
           "package name")
    refuse("newline in version", lambda d: root_package(d).update(version="0.1.0\nRUN touch /pwned"), "0.1.0")
    # Finding 3: commas redefine --mount options, spaces split words.
    refuse("mount options in a name", lambda d: root_package(d).update(name="x,source=/,target=/tmp/h"),
           '"x,source=/,target=/tmp/h" may hold only')
    refuse("space in a target name", lambda d: root_package(d)["targets"][0].update(name="a b"), '"a b"')
    # Finding 6: a NUL written raw into the recipe.
    refuse("NUL in a name", lambda d: root_package(d).update(name="te\u0000st"), 'field "name" holds a NUL byte')
    # Features and paths: what cargo allows, inside the package.
    refuse("newline in a feature", lambda d: root_package(d)["features"].update({"f\nRUN x": []}), "feature")
    refuse("target path outside the package",
           lambda d: root_package(d)["targets"][0].update(src_path="/etc/passwd"), "leaves its folder")

    # Finding 4: a checksum that makes `sha256sum -c` check /dev/null instead of the crate.
    lock = LOCKFILE.read_text()
    first = lock.index('checksum = "') + len('checksum = "')
    bypass = lock[:first] + EMPTY_SHA256 + "  /dev/null\\n#" + lock[lock.index('"', first):]
    (work / "bypass.lock").write_text(bypass)
    line = lock[:first].count("\n") - 3  # the [[package]] line of the entry
    expect_refused("checksum bypass", ["plan", "--metadata", str(METADATA), "--lockfile", str(work / "bypass.lock")],
                   f"bypass.lock:{line}: checksum", out)
    (work / "upper.lock").write_text(lock[:first] + lock[first:first + 64].upper() + lock[first + 64:])
    expect_refused("uppercase checksum", ["plan", "--metadata", str(METADATA), "--lockfile", str(work / "upper.lock")],
                   "64 lowercase hex digits", out)


def write_workspace(root, bin_name="app"):
    (root / "src").mkdir(parents=True)
    (root / "Cargo.toml").write_text(
        f'[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[[bin]]\nname = {json.dumps(bin_name)}\n'
        'path = "src/main.rs"\n')
    (root / "src/main.rs").write_text("fn main() {}\n")


def cargo_attacks(work):
    # Finding 2 with cargo itself: it accepts a bin name holding a newline.
    ws = work / "newline-bin"
    write_workspace(ws, "x\nRUN touch /pwned")
    expect_refused("cargo: newline in a bin name",
                   ["generate", "--manifest-path", str(ws / "Cargo.toml"), "--offline"], 'target name "x\\nRUN', ws / "r")
    # Finding 2: command-line values are echoed into the # cargo-recipe-command header.
    ws = work / "a\nRUN touch /pwned"
    write_workspace(ws)
    recipe = work / "echo.Dockerfile"
    result = run(["generate", "--manifest-path", str(ws / "Cargo.toml"), "--offline", "-o", str(recipe)])
    check("newline in a command-line value", result.returncode == 0, result.stderr)
    text = recipe.read_text() if recipe.exists() else ""
    check("newline in a command-line value stays in the header",
          not any(line.startswith("RUN touch") for line in text.splitlines()) and "$'" in text, text[:600])


def hints_attacks(work):
    # Finding 6: a newline in a hints value made a multi-line error.
    hints = work / "hints.toml"
    hints.write_text('[crates.libz-sys]\napt = ["zlib1g-dev\\nRUN touch /pwned"]\n')
    expect_refused("newline in a hints value",
                   ["generate", "--metadata", str(METADATA), "--lockfile", str(LOCKFILE), "--hints", str(hints)],
                   "hints.toml:2:8:", work / "r")


def output_attacks(work):
    # Finding 6: -o DIR exited 1, -o "" wrote the default path.
    args = ["plan", "--metadata", str(METADATA)]
    result = run(args + ["-o", str(work)])
    check("-o DIR", result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr)
    ws = work / "empty-output"
    write_workspace(ws)
    result = run(["generate", "--offline", "-o", ""], cwd=ws)
    check('-o ""', result.returncode == 2 and not (ws / "recipes").exists(), result.stderr)


def host_tree(host):
    return {str(p.relative_to(host)): p.read_bytes() if p.is_file() else None for p in sorted(host.rglob("*"))}


def staging_attacks(work):
    # Finding 1: absolute and ".." COPY sources reached (and deleted) host folders.
    host = work / "host"
    (host / "dir").mkdir(parents=True)
    (host / "dir/sentinel").write_text("keep me")
    before = host_tree(host)
    ws = work / "stage-ws"
    write_workspace(ws)
    (work / "empty-vendor").mkdir()
    # A source through a symlinked folder that leads out of the workspace.
    os.symlink(host / "dir", ws / "linked")
    for name, copy in [("absolute COPY source", f'COPY {host / "dir"} /x'),
                       ("absolute COPY source, JSON form", f'COPY ["{host / "dir"}", "/x"]'),
                       ("'..' COPY source", 'COPY ["../host/dir", "/x"]'),
                       ("'@up' out of any package", 'COPY ["@up/host/dir", "/x"]'),
                       ("'@up' nine folders up", 'COPY ["' + "@up/" * 9 + 'host/dir", "/x"]'),
                       ("glob COPY source", 'COPY ["src/*", "/x"]'),
                       ("glob COPY source, shell form", 'COPY sr? /x'),
                       ("source through a symlink out", 'COPY ["linked/sentinel", "/x"]')]:
        recipe = work / "attack.Dockerfile"
        recipe.write_text(f"FROM scratch AS binaries\nCOPY [\"src\", \"/src\"]\n{copy}\n")
        expect_refused(f"build: {name}", ["build", str(recipe), "--context", str(ws), "--vendor", str(work / "empty-vendor")],
                       "", work / "bin")
        check(f"build: {name}: host untouched", host_tree(host) == before)
    return host, before


def header_attacks(work, host, before):
    """A committed recipe's header names the manifest `audit generate` reads and the folder `build`
    stages from: it may name only paths inside the recipe's repository."""
    repo = work / "repo"
    write_workspace(repo / "ws")
    (repo / "recipes").mkdir()
    (host / "dir/Cargo.toml").write_text(
        '[package]\nname = "host"\nversion = "0.1.0"\n\n[[bin]]\nname = "host"\npath = "sentinel"\n')
    os.symlink(host / "dir", repo / "out-link")
    before = host_tree(host)
    for name, manifest in [("absolute manifest_path", str(host / "dir/Cargo.toml")),
                           ("'..' manifest_path", "../host/dir/Cargo.toml"),
                           ("manifest_path through a symlink out", "out-link/Cargo.toml")]:
        recipe = repo / "recipes/attack.Dockerfile"
        request = {"command": "generate", "manifest_path": manifest, "offline": True}
        recipe.write_text("# cargo-recipe-request/1: " + json.dumps(request, sort_keys=True, separators=(",", ":")) +
                          '\nFROM scratch AS binaries\nCOPY ["sentinel", "/x"]\n')
        expect_refused(f"audit generate: {name}", ["audit", "generate", "--check", str(recipe)],
                       'header field "manifest_path"', None, cwd=repo)
        expect_refused(f"build: {name}", ["build", str(recipe)], 'header field "manifest_path"', work / "bin", cwd=repo)
        check(f"header: {name}: host untouched", host_tree(host) == before)
    (host / "dir/Cargo.toml").unlink()


def engine_attacks(work, host, before):
    # Finding 5: symlinks out of the workspace were followed; hidden files below the top included.
    ws = work / "link-ws"
    write_workspace(ws)
    os.symlink(host / "dir", ws / "src/outside")
    os.symlink(host / "dir/sentinel", ws / "src/leak.rs")
    os.symlink("main.rs", ws / "src/alias.rs")
    (ws / "src/.env").write_text("TOKEN=secret")
    recipe = work / "links.Dockerfile"
    recipe.write_text('FROM scratch AS binaries\nCOPY ["src", "/src"]\n')
    # -o names a folder of the user's: what the build does not write there stays.
    out = work / "built"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    build = ["build", str(recipe), "--context", str(ws), "--vendor", str(work / "empty-vendor"), "-o", str(out)]
    result = run(build)
    check("engine: build of a tree with outside symlinks", result.returncode == 0, result.stderr)
    listed = sorted(str(p.relative_to(out)) for p in out.rglob("*")) if out.exists() else []
    check("engine: the built stage holds no outside file, the user's file stays",
          listed == ["notes.txt", "src", "src/alias.rs", "src/main.rs"], str(listed))
    check("engine: the inside symlink stays one", (out / "src/alias.rs").is_symlink())
    check("engine: host untouched", host_tree(host) == before)
    # A failed build leaves -o as it was, and no half-written folder beside it.
    kept = host_tree(out)
    result = run(build + ["--target", "no-such-stage"])
    check("engine: a failed build fails", result.returncode != 0, result.stderr)
    check("engine: a failed build leaves -o as it was", host_tree(out) == kept)
    check("engine: a failed build leaves no staging folder",
          sorted(p.name for p in work.iterdir() if p.name.startswith(".built")) == [])


def main():
    with tempfile.TemporaryDirectory(prefix="cargo-recipe-security-") as tmp:
        work = Path(tmp)
        metadata_attacks(work)
        cargo_attacks(work)
        hints_attacks(work)
        output_attacks(work)
        host, before = staging_attacks(work)
        header_attacks(work, host, before)
        if WITH_ENGINE:
            if not engine_available():
                print("SKIP: no engine answers (start dockerd: hack/start-dockerd.sh)")
                return 77
            engine_attacks(work, host, before)
    for failure in failures:
        print("FAIL " + failure)
    print(f"{passes} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
