#!/usr/bin/env python3
"""Oracle test over profile variants: every unit's rustc line against `cargo build -v`, per variant.

For each VARIANT it copies WORKSPACE to a scratch folder, replaces the `[profile.*]` tables of its
root Cargo.toml with the variant's (the variant "as-written" keeps the manifest as it is), and runs compare_with_cargo.py on the copy with --rustc-lines (and
--profile when the variant selects a custom profile; --fast-codegen unless --full-codegen). A
variant fails on any difference in units, edges or rustc lines, modulo paths and hashes.

"all" is every variant but "as-written".

usage: profile_variants.py CARGO_RECIPE WORKSPACE [--variants NAME,...|all] [--full-codegen]
                           [--summary-json FILE]
Prints one line per variant ("VARIANT: rustc lines N/M matched") and "profiles: N passed, M failed".
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# name -> (profile tables appended to the root manifest, profile to build)
VARIANTS = {
    "as-written": (None, "release"),
    "release": ("", "release"),
    "lto-true": ("[profile.release]\nlto = true\n", "release"),
    "lto-thin": ("[profile.release]\nlto = \"thin\"\n", "release"),
    "lto-fat": ("[profile.release]\nlto = \"fat\"\n", "release"),
    "lto-off": ("[profile.release]\nlto = \"off\"\n", "release"),
    "codegen-units-1": ("[profile.release]\ncodegen-units = 1\n", "release"),
    "panic-abort": ("[profile.release]\npanic = \"abort\"\n", "release"),
    "debug-true": ("[profile.release]\ndebug = true\nsplit-debuginfo = \"packed\"\n", "release"),
    "strip-symbols": ("[profile.release]\nstrip = \"symbols\"\n", "release"),
    "opt-level-z": ("[profile.release]\nopt-level = \"z\"\n", "release"),
    # An override table without `strip` resets it: the "*" packages lose the profile's strip.
    "package-override": ("[profile.release]\nstrip = \"symbols\"\nlto = \"thin\"\n\n"
                         "[profile.release.package.\"*\"]\nopt-level = \"s\"\ndebug = 1\n\n"
                         "[profile.release.build-override]\nopt-level = 1\ncodegen-units = 4\n", "release"),
    "custom": ("[profile.dist]\ninherits = \"release\"\nlto = \"fat\"\ncodegen-units = 1\npanic = \"abort\"\n"
               "debug = \"line-tables-only\"\nrpath = true\noverflow-checks = true\n\n"
               "[profile.dist.package.\"*\"]\ndebug-assertions = true\n", "dist"),
}


def without_profiles(manifest):
    """`manifest` without its [profile.*] tables (each runs from its header to the next table)."""
    kept, in_profile = [], False
    for line in manifest.splitlines(keepends=True):
        header = line.strip()
        if header.startswith("["):
            in_profile = header.startswith(("[profile.", "[[profile."))
        if not in_profile:
            kept.append(line)
    return "".join(kept)


def run_variant(tool, workspace, name, full_codegen, scratch):
    tables, profile = VARIANTS[name]
    copy = os.path.join(scratch, name, os.path.basename(workspace))
    shutil.copytree(workspace, copy, ignore=shutil.ignore_patterns("target"))
    if tables is not None:
        path = os.path.join(copy, "Cargo.toml")
        with open(path) as manifest:
            text = without_profiles(manifest.read())
        with open(path, "w") as manifest:
            manifest.write(text.rstrip("\n") + "\n\n" + tables)
    summary = os.path.join(scratch, name + ".json")
    argv = [sys.executable, os.path.join(HERE, "compare_with_cargo.py"), tool, copy, "--rustc-lines", "--profile", profile,
            "--summary-json", summary]
    if not full_codegen:
        argv.append("--fast-codegen")
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0 or not os.path.exists(summary):
        return False, None, result.stdout + result.stderr[-3000:]
    with open(summary) as f:
        return True, json.load(f), result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cargo_recipe")
    parser.add_argument("workspace")
    parser.add_argument("--variants", default="all")
    parser.add_argument("--full-codegen", action="store_true")
    parser.add_argument("--summary-json")
    args = parser.parse_args()
    names = list(VARIANTS)[1:] if args.variants == "all" else args.variants.split(",")
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        sys.exit(f"unknown variant {unknown[0]!r} (known: {', '.join(VARIANTS)})")
    tool, workspace = os.path.abspath(args.cargo_recipe), os.path.abspath(args.workspace)
    passed, failed, summaries = 0, 0, {}
    with tempfile.TemporaryDirectory(prefix="cargo-recipe-profiles.") as scratch:
        for name in names:
            ok, summary, output = run_variant(tool, workspace, name, args.full_codegen, scratch)
            if summary:
                summaries[name] = summary
                print(f"{name}: rustc lines {summary['rustc_lines_matched']}/{summary['rustc_lines']} matched, "
                      f"units {summary['units_matched']}/{summary['units']}")
            if ok:
                passed += 1
            else:
                failed += 1
                print(f"{name}: FAILED\n" + "\n".join("  " + line for line in output.splitlines()))
    if args.summary_json:
        with open(args.summary_json, "w") as f:
            json.dump({"workspace": os.path.basename(workspace), "variants": summaries}, f, indent=2, sort_keys=True)
    print(f"profiles: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
