#!/usr/bin/env python3
"""Golden test of `cargo-recipe explain` on a real workspace, before and after one change.

Each case copies tests/workspaces/multi to a temporary folder, writes the plan (`plan --format
json`, rustc 1.63.0 from recipes/toolchains), makes one change, and explains the new workspace
against the saved plan. The text must equal tests/explain/CASE.expected (UPDATE_GOLDEN=1 rewrites
it), and the JSON form must name the same cause and count every changed unit exactly once.
  feature:   mcore asks num-traits for "i128" as well: one dependency's feature switched on;
  source:    an edit of the member mutil's src/lib.rs;
  toolchain: the same workspace planned with a second toolchain file (rustc 1.64.0).

usage: explain_test.py CARGO_RECIPE SOURCE_DIR
"""
import json

import jsonschema
import os
import shutil
import subprocess
import sys
import tempfile

ENV = dict(os.environ, LC_ALL="C")


def run(argv, cwd):
    result = subprocess.run(argv, cwd=cwd, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{result.stderr}")
    return result.stdout


def change_feature(ws, toolchain):
    path = os.path.join(ws, "core", "Cargo.toml")
    text = open(path).read()
    old = 'version = "0.2", default-features = false, features = ["std"] }'
    assert text.count(old) == 1
    open(path, "w").write(text.replace(old, 'version = "0.2", default-features = false, features = ["std", "i128"] }'))
    return toolchain


def change_source(ws, toolchain):
    with open(os.path.join(ws, "util", "src", "lib.rs"), "a") as f:
        f.write("\npub fn added_by_the_explain_test() {}\n")
    return toolchain


def change_toolchain(ws, toolchain):
    newer = os.path.join(ws, "newer-toolchain.toml")
    text = open(toolchain).read()
    assert "release: 1.63.0" in text
    open(newer, "w").write(text.replace("rustc 1.63.0", "rustc 1.64.0").replace("release: 1.63.0", "release: 1.64.0"))
    return newer


# Each change and the causes it must be reduced to: the manifest edit of (a) is also an edit of
# mcore's files, which the engine copies, so its build script is rebuilt for that reason.
CASES = {
    "feature": (change_feature, ['feature "i128" of num-traits@0.2.15', "source files of mcore@0.1.0"]),
    "source": (change_source, ["source files of mutil@0.1.0"]),
    "toolchain": (change_toolchain, ["toolchain"]),
}


def main():
    cargo_recipe, source = sys.argv[1], os.path.abspath(sys.argv[2])
    toolchain = os.path.join(source, "recipes", "toolchains", "rust-base-bookworm.toml")
    failed = False
    schema = json.load(open(os.path.join(source, "schemas", "explain.schema.json")))
    for name, (change, causes) in CASES.items():
        with tempfile.TemporaryDirectory() as tmp:
            ws = os.path.join(tmp, "multi")
            shutil.copytree(os.path.join(source, "tests", "workspaces", "multi"), ws)
            common = ["--manifest-path", os.path.join(ws, "Cargo.toml"), "--offline", "--locked"]
            before = os.path.join(tmp, "before.json")
            run([cargo_recipe, "plan", *common, "--toolchain", toolchain, "--format", "json", "-o", before], ws)
            now = change(ws, toolchain)
            # explain compares what the plan records, wherever the workspace is.
            text = run([cargo_recipe, "explain", before, *common, "--toolchain", now], ws)
            report = json.loads(run([cargo_recipe, "explain", before, *common, "--toolchain", now,
                                     "--format", "json"], ws))
        expected_path = os.path.join(source, "tests", "explain", f"{name}.expected")
        if os.environ.get("UPDATE_GOLDEN"):
            open(expected_path, "w").write(text)
        expected = open(expected_path).read()
        if text != expected:
            failed = True
            print(f"{name}: explain text differs from {expected_path}:\n--- expected\n{expected}--- got\n{text}")
        counted = [u for c in report["causes"] for u in c["units"] + [f["unit"] for f in c["followers"]]]
        if len(counted) != len(set(counted)):
            failed = True
            print(f"{name}: a unit is listed twice: {counted}")
        jsonschema.validate(report, schema)
        fields = [c["field"] for c in report["causes"]]
        if sorted(fields) != sorted(causes):
            failed = True
            print(f"{name}: causes {fields}, expected {causes}")
        feature = [c for c in report["causes"] if c["field"].startswith("feature")]
        if name == "feature" and feature[0]["after"] != "on (by mcore v0.1.0)":
            failed = True
            print(f"feature: the edge that switched i128 on is not named: {feature[0]['after']}")
        for cause in report["causes"]:
            print(f"{name}: {cause['field']}: {len(cause['units'])} units, {len(cause['followers'])} following")
        if report["unchanged"] + len(counted) != report["units_after"]:
            failed = True
            print(f"{name}: {report['unchanged']} unchanged + {len(counted)} changed != {report['units_after']} units")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
