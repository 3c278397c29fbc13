#!/usr/bin/env python3
"""Oracle test: cargo-recipe's plan against cargo's own answer on a real workspace.

For WORKSPACE it compares
  * the units (package, target, mode, features, profile) and their dependency edges with extern
    names, against `RUSTC_BOOTSTRAP=1 cargo build --release --unit-graph -Z unstable-options`;
  * with --rustc-lines, the rustc argument lists against what `cargo build --release -v` runs
    (crate name, crate types, edition, cfgs, check-cfgs, codegen options, externs by name), modulo
    paths and hashes.
It prints one summary line per comparison ("units: N/M matched") and every difference, and exits
non-zero on any difference. The plan comes from `cargo-recipe plan --format json`, which reads
nothing but `cargo metadata`, Cargo.lock and the root manifest.

With --target TRIPLE (repeatable) both sides plan for those targets: each unit's platform (the
triple, or none for host units: build scripts, proc-macros and their dependencies) is compared too.
Cargo prints the unit graph of a target whose std is not installed, so any triple rustc knows works.
With --cargo-image IMAGE cargo runs inside that build image (docker run, no network; the workspace
and Debian's registry mounted at their own paths) and --toolchain FILE gives our plan that image's
toolchain file: the rustc lines of a toolchain other than the local one, as its own cargo prints them.
With --profile NAME both sides build that profile instead of release. With --fast-codegen cargo's
rustc lines run through fast_rustc.sh, which drops the optimisation and LTO flags before calling
rustc: cargo prints and decides exactly what it would, the build just takes a fraction of the time.

usage: compare_with_cargo.py CARGO_RECIPE WORKSPACE [--rustc-lines] [--profile NAME] [--fast-codegen]
                             [--target TRIPLE]... [--cargo-image IMAGE --toolchain FILE] [--summary-json FILE]
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

ENV = dict(os.environ, LC_ALL="C", CARGO_TERM_COLOR="never")
REGISTRY = "/usr/share/cargo/registry"
CARGO_IMAGE = None  # --cargo-image: run cargo in this image instead of on the machine


def cargo(args, workspace, extra_env, mounts=()):
    """The argv and environment that run `cargo ARGS` in `workspace`, here or in CARGO_IMAGE."""
    if CARGO_IMAGE is None:
        return ["cargo"] + args, dict(ENV, **extra_env)
    argv = ["/usr/bin/docker", "run", "--rm", "--network", "none", "-w", workspace, "-e", "CARGO_TERM_COLOR=never"]
    for folder in (workspace, REGISTRY, *mounts):
        argv += ["-v", f"{folder}:{folder}" + (":ro" if folder == REGISTRY else "")]
    for key, value in extra_env.items():
        argv += ["-e", f"{key}={value}"]
    return argv + [CARGO_IMAGE, "cargo"] + args, ENV


def run(argv, cwd, env=ENV):
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed in {cwd}:\n{result.stderr}")
    return result.stdout


def package_keys(workspace):
    meta = json.loads(run(["cargo", "metadata", "--format-version", "1", "--offline", "--locked"], workspace))
    return {p["id"]: f"{p['name']}@{p['version']}" for p in meta["packages"]}


def target_args(targets):
    return [word for triple in targets for word in ("--target", triple)]


def cargo_units(workspace, keys, profile, targets):
    argv, env = cargo(["build", "--profile", profile, "--offline", "--locked", "--unit-graph", "-Z", "unstable-options"]
                      + target_args(targets), workspace, {"RUSTC_BOOTSTRAP": "1"})
    graph = json.loads(run(argv, workspace, env))
    units = []
    for u in graph["units"]:
        p = u["profile"]
        strip = p["strip"].get("resolved", p["strip"].get("deferred"))
        strip = strip["Named"] if isinstance(strip, dict) else str(strip)
        units.append({
            "package": keys[u["pkg_id"]],
            "target": u["target"]["name"],
            "kind": u["target"]["kind"][0],
            "mode": u["mode"],
            "platform": u["platform"],
            "features": tuple(u["features"]),
            "profile": (p["opt_level"], str(p["debuginfo"]), p["debug_assertions"], p["overflow_checks"], p["panic"],
                        p["codegen_units"], strip.lower()),
            "deps": [(d["extern_crate_name"], d["index"]) for d in u["dependencies"]],
        })
    return units


def our_units(cargo_recipe, workspace, profile, targets, toolchain):
    plan = json.loads(run([cargo_recipe, "plan", "--manifest-path", os.path.join(workspace, "Cargo.toml"), "--offline",
                           "--locked", "--profile", profile, "--format", "json"] + target_args(targets)
                          + (["--toolchain", toolchain] if toolchain else []), workspace))
    by_id = {u["id"]: i for i, u in enumerate(plan["units"])}
    units = []
    for u in plan["units"]:
        p = u["profile"]
        units.append({
            "package": u["package"],
            "target": u["target"]["name"],
            "kind": u["target"]["kind"][0],
            "mode": u["mode"],
            "platform": u["platform"],
            "features": tuple(u["features"]),
            "profile": (p["opt_level"], p["debuginfo"], p["debug_assertions"], p["overflow_checks"], p["panic"],
                        p["codegen_units"], p["strip"]),
            "deps": [(d["extern_crate_name"], by_id[d["unit"]]) for d in u["deps"]],
            "rustc_args": u.get("rustc_args", []),
        })
    return units


def signature(unit):
    return (unit["package"], unit["target"], unit["kind"], unit["mode"], unit["platform"] or "", unit["features"],
            unit["profile"])


def edges(units):
    """Every edge as (from signature, extern name, to signature)."""
    return {(signature(u), name, signature(units[i])) for u in units for name, i in u["deps"]}


def compare_units(ours, theirs, problems):
    mine = sorted(map(signature, ours))
    cargo = sorted(map(signature, theirs))
    missing = sorted(set(cargo) - set(mine))
    extra = sorted(set(mine) - set(cargo))
    for s in missing:
        problems.append(f"unit only in cargo's graph: {s}")
    for s in extra:
        problems.append(f"unit only in our plan: {s}")
    matched = len(set(cargo) & set(mine))
    print(f"units: {matched}/{len(set(cargo))} matched ({len(cargo)} in cargo's graph, {len(mine)} in our plan)")
    our_edges, cargo_edges = edges(ours), edges(theirs)
    for e in sorted(cargo_edges - our_edges):
        problems.append(f"edge only in cargo's graph: {e[0][:5]} -{e[1]}-> {e[2][:5]}")
    for e in sorted(our_edges - cargo_edges):
        problems.append(f"edge only in our plan: {e[0][:5]} -{e[1]}-> {e[2][:5]}")
    print(f"edges: {len(our_edges & cargo_edges)}/{len(cargo_edges)} matched")
    return {"units": len(set(cargo)), "units_matched": matched, "edges": len(cargo_edges),
            "edges_matched": len(our_edges & cargo_edges)}


def normalise_args(args):
    """The comparable part of a rustc line: paths, hashes, diagnostics options and build-script
    directives dropped.

    Cargo's own `--cfg feature=...` and `--check-cfg` come before `-C metadata=`; the `--cfg` and
    `--check-cfg` after it were printed by a build script (rustc-cfg, rustc-check-cfg) at build
    time, which the recipe applies when that script has run. A static plan cannot hold them, so
    the comparison sets them aside."""
    out = {"crate-name": None, "edition": None, "crate-type": [], "cfg": [], "check-cfg": [], "codegen": [],
           "extern": [], "cap-lints": None, "emit": None}
    after_metadata = False
    i = 0
    while i < len(args):
        a = args[i]
        nxt = args[i + 1] if i + 1 < len(args) else None
        if a == "--crate-name":
            out["crate-name"] = nxt
            i += 1
        elif a.startswith("--edition="):
            out["edition"] = a.split("=", 1)[1]
        elif a.startswith("--emit="):
            out["emit"] = a.split("=", 1)[1]
        elif a in ("--crate-type", "--cfg", "--check-cfg"):
            if a == "--crate-type" or not after_metadata:
                out[a[2:]].append(nxt)
            i += 1
        elif a == "-C":
            after_metadata = after_metadata or nxt.startswith("metadata=")
            if not nxt.startswith(("metadata=", "extra-filename=", "incremental=")):
                out["codegen"].append(nxt)
            i += 1
        elif a == "--extern":
            out["extern"].append(nxt.split("=", 1)[0])
            i += 1
        elif a == "--cap-lints":
            out["cap-lints"] = nxt
            i += 1
        i += 1
    for key in ("cfg", "check-cfg", "codegen", "extern"):
        out[key] = sorted(out[key])
    return out


def cargo_rustc_lines(workspace, profile, fast):
    """rustc argument lists that `cargo build --profile PROFILE -v` runs, from a scratch target dir."""
    with tempfile.TemporaryDirectory() as target:
        here = os.path.dirname(os.path.abspath(__file__))
        extra = {"CARGO_TARGET_DIR": target}
        if fast:
            extra["RUSTC_WRAPPER"] = os.path.join(here, "fast_rustc.sh")
        argv, env = cargo(["build", "--profile", profile, "--offline", "--locked", "-v"], workspace, extra, (target, here))
        result = subprocess.run(argv, cwd=workspace, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"cargo build failed in {workspace}:\n{result.stderr[-3000:]}")
    lines = []
    for line in result.stderr.splitlines():
        line = line.strip()
        if not line.startswith("Running `"):
            continue
        words = shlex.split(line[len("Running `"):-1])
        rustc = next((k for k, w in enumerate(words) if os.path.basename(w) == "rustc"), None)
        if rustc is not None:
            lines.append(normalise_args(words[rustc + 1:]))
    return lines


def compare_rustc_lines(ours, workspace, problems, profile, fast):
    cargo = cargo_rustc_lines(workspace, profile, fast)
    mine = [normalise_args(u["rustc_args"]) for u in ours if u["mode"] == "build"]
    key = lambda n: json.dumps(n, sort_keys=True)
    unmatched = {}
    for n in mine:
        unmatched.setdefault(key(n), []).append(n)
    matched = 0
    for n in cargo:
        k = key(n)
        if unmatched.get(k):
            unmatched[k].pop()
            matched += 1
        else:
            close = [m for ms in unmatched.values() for m in ms if m["crate-name"] == n["crate-name"]]
            detail = ""
            if close:
                diffs = {f: (n[f], close[0][f]) for f in n if n[f] != close[0][f]}
                detail = f" (nearest of ours differs in {diffs})"
            problems.append(f"rustc line of cargo not planned: crate {n['crate-name']}{detail}")
    print(f"rustc lines: {matched}/{len(cargo)} matched (modulo paths and hashes)")
    return {"rustc_lines": len(cargo), "rustc_lines_matched": matched}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cargo_recipe")
    parser.add_argument("workspace")
    parser.add_argument("--rustc-lines", action="store_true")
    parser.add_argument("--profile", default="release")
    parser.add_argument("--fast-codegen", action="store_true")
    parser.add_argument("--target", action="append", default=[])
    parser.add_argument("--cargo-image")
    parser.add_argument("--toolchain")
    parser.add_argument("--summary-json")
    args = parser.parse_args()
    if args.rustc_lines and args.target:
        parser.error("--rustc-lines builds with cargo, which needs the target's std: compare units alone")
    workspace = os.path.abspath(args.workspace)
    global CARGO_IMAGE
    CARGO_IMAGE = args.cargo_image
    if CARGO_IMAGE and subprocess.run(["/usr/bin/docker", "image", "inspect", CARGO_IMAGE],
                                      capture_output=True).returncode != 0:
        print(f"skipped: no image {CARGO_IMAGE} (hack/make-toolchain-image.sh makes it)")
        return 77
    keys = package_keys(workspace)
    ours = our_units(os.path.abspath(args.cargo_recipe), workspace, args.profile, args.target, args.toolchain)
    problems = []
    print(f"== {os.path.basename(workspace)} ({', '.join([args.profile] + args.target)})")
    summary = compare_units(ours, cargo_units(workspace, keys, args.profile, args.target), problems)
    if args.rustc_lines:
        summary.update(compare_rustc_lines(ours, workspace, problems, args.profile, args.fast_codegen))
    for p in problems:
        print("  " + p)
    if args.summary_json:
        with open(args.summary_json, "w") as f:
            json.dump(summary, f, indent=2, sort_keys=True)
    print(f"oracle: {1 if not problems else 0} passed, {0 if not problems else 1} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
