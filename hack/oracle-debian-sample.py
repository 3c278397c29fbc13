#!/usr/bin/env python3
"""Profile oracle over a seeded sample of Debian's packaged crates.

Picks N crates (seeded, reproducible) from a crate folder laid out as a cargo directory source
(default /usr/share/cargo/registry, which `apt-get install librust-NAME-dev` fills; a folder made
with `apt-get download` + `dpkg-deb -x` works the same), makes probe workspaces that depend on
them in batches, and runs tests/oracle/profile_variants.py on each probe: every unit's rustc
line against `cargo build -v`, per profile variant. A crate that does not resolve offline (a
dependency Debian lacks in the folder) or does not build is set aside and counted, not failed.

usage: hack/oracle-debian-sample.py CARGO_RECIPE [--count 100] [--seed 1] [--batch 10]
           [--registry DIR] [--variants release,lto-thin,...] [--summary-json FILE]
Prints per probe and variant the rustc lines matched / total, then the totals.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VARIANTS_SCRIPT = os.path.join(ROOT, "tests", "oracle", "profile_variants.py")
ENV = dict(os.environ, LC_ALL="C", CARGO_TERM_COLOR="never")


def crates(registry):
    """(name, version) of every crate folder that carries a manifest and a checksum file."""
    found = []
    for entry in sorted(os.listdir(registry)):
        m = re.fullmatch(r"(.+)-(\d+\.\d+\.\d+[^/]*)", entry)
        folder = os.path.join(registry, entry)
        if m and os.path.exists(os.path.join(folder, "Cargo.toml")) and \
                os.path.exists(os.path.join(folder, ".cargo-checksum.json")):
            found.append((m.group(1), m.group(2)))
    return found


def probe(folder, registry, deps):
    """A binary package depending on exactly `deps`; True when it resolves offline."""
    os.makedirs(os.path.join(folder, "src"), exist_ok=True)
    os.makedirs(os.path.join(folder, ".cargo"), exist_ok=True)
    with open(os.path.join(folder, ".cargo", "config.toml"), "w") as f:
        f.write(f'[source.crates-io]\nreplace-with = "sample"\n\n[source.sample]\ndirectory = "{registry}"\n\n'
                '[net]\noffline = true\n')
    lines = [f'dep{i} = {{ package = "{name}", version = "={version}" }}' for i, (name, version) in enumerate(deps)]
    with open(os.path.join(folder, "Cargo.toml"), "w") as f:
        f.write('[package]\nname = "probe"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n\n'
                "[dependencies]\n" + "\n".join(lines) + "\n")
    with open(os.path.join(folder, "src", "main.rs"), "w") as f:
        f.write("fn main() {}\n")
    lock = subprocess.run(["cargo", "generate-lockfile", "--offline"], cwd=folder, env=ENV, capture_output=True)
    return lock.returncode == 0


def builds(folder):
    result = subprocess.run(["cargo", "build", "--release", "--offline", "--locked"], cwd=folder, env=dict(
        ENV, CARGO_TARGET_DIR=os.path.join(folder, "target"), RUSTC_WRAPPER=os.path.join(
            ROOT, "tests", "oracle", "fast_rustc.sh")), capture_output=True)
    return result.returncode == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cargo_recipe")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--registry", default="/usr/share/cargo/registry")
    parser.add_argument("--variants", default="release,lto-thin,lto-true,panic-abort,package-override,custom")
    parser.add_argument("--summary-json")
    args = parser.parse_args()
    tool = os.path.abspath(args.cargo_recipe)
    available = crates(args.registry)
    sample = random.Random(args.seed).sample(available, min(args.count, len(available)))
    print(f"sample: {len(sample)} of {len(available)} crates in {args.registry} (seed {args.seed})")
    totals = {}
    set_aside, failed_probes = [], 0
    with tempfile.TemporaryDirectory(prefix="cargo-recipe-sample.") as scratch:
        # Keep only crates that resolve and build alone, then batch them.
        usable = []
        for name, version in sample:
            folder = os.path.join(scratch, "single", name + "-" + version)
            if probe(folder, args.registry, [(name, version)]):
                usable.append((name, version))
            else:
                set_aside.append(f"{name}-{version}: does not resolve offline")
        batches = [usable[i:i + args.batch] for i in range(0, len(usable), args.batch)]
        for number, batch in enumerate(batches):
            folder = os.path.join(scratch, f"probe{number}")
            if not probe(folder, args.registry, batch) or not builds(folder):
                # One crate of the batch breaks it: find which by building each alone.
                kept = [c for c in batch if builds(os.path.join(scratch, "single", c[0] + "-" + c[1]))]
                set_aside += [f"{n}-{v}: does not build with cargo" for n, v in batch if (n, v) not in kept]
                if not kept or not probe(folder, args.registry, kept):
                    continue
            summary = os.path.join(scratch, f"probe{number}.json")
            result = subprocess.run([sys.executable, VARIANTS_SCRIPT, tool, folder, "--variants", args.variants,
                                     "--summary-json", summary], capture_output=True, text=True)
            print(f"probe{number} ({', '.join(n for n, _ in batch)}):")
            print("\n".join("  " + line for line in result.stdout.splitlines()))
            if result.returncode != 0:
                failed_probes += 1
            if os.path.exists(summary):
                with open(summary) as f:
                    for variant, s in json.load(f)["variants"].items():
                        t = totals.setdefault(variant, {"rustc_lines": 0, "rustc_lines_matched": 0, "units": 0})
                        t["rustc_lines"] += s.get("rustc_lines", 0)
                        t["rustc_lines_matched"] += s.get("rustc_lines_matched", 0)
                        t["units"] += s.get("units", 0)
    crates_used = len(sample) - len(set_aside)
    print(f"crates: {crates_used} of {len(sample)} sampled took part; set aside:")
    for line in set_aside:
        print("  " + line)
    for variant, t in totals.items():
        print(f"{variant}: rustc lines {t['rustc_lines_matched']}/{t['rustc_lines']} matched")
    if args.summary_json:
        with open(args.summary_json, "w") as f:
            json.dump({"seed": args.seed, "sampled": len(sample), "crates": crates_used, "set_aside": set_aside,
                       "variants": totals}, f, indent=2, sort_keys=True)
    print(f"sample: {len(batches) - failed_probes} passed, {failed_probes} failed")
    return 1 if failed_probes else 0


if __name__ == "__main__":
    sys.exit(main())
