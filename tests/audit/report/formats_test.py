#!/usr/bin/env python3
"""The audit's reports as CI reads them: the JSON validates against its schema, the JUnit XML
parses back with the right counts, the Markdown has its table; exit codes 0 / 1 / 2.

usage: formats_test.py CARGO_RECIPE REPO_ROOT
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import jsonschema

tool, root = sys.argv[1], sys.argv[2]
passes, failures = 0, []


def expect(ok, what):
    global passes
    if ok:
        passes += 1
    else:
        failures.append(what)
        print("FAIL: " + what)


with open(os.path.join(root, "schemas", "audit-report.schema.json")) as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)

with tempfile.TemporaryDirectory() as scratch:
    recipes = os.path.join(scratch, "recipes")
    os.makedirs(recipes)
    for name in ("hostile@0.1.0-rc.1.Dockerfile", "multi@0.1.0.Dockerfile", "recipe-helper.sh"):
        shutil.copy(os.path.join(root, "recipes", name), recipes)
    # Commands in recipe headers are relative to the repository root, so the copies say which.
    shutil.copytree(os.path.join(root, "recipes", "toolchains"), os.path.join(recipes, "toolchains"))
    # (Copies, not a symlink: a header may name only paths inside the recipes' repository.)
    for workspace in ("hostile", "multi"):
        shutil.copytree(os.path.join(root, "tests", "workspaces", workspace),
                        os.path.join(scratch, "tests", "workspaces", workspace), symlinks=True)
    edited = os.path.join(recipes, "hostile@0.1.0-rc.1.Dockerfile")
    with open(edited) as f:
        text = f.read()
    with open(edited, "w") as f:
        f.write(text.replace('"opt-level=3"', '"opt-level=1"', 1))

    out = {k: os.path.join(scratch, "report." + k) for k in ("json", "xml", "md")}
    result = subprocess.run([tool, "audit", "generate", "--check", recipes, "--report-json", out["json"], "--junit",
                             out["xml"], "--markdown", out["md"]], capture_output=True, text=True,
                            env=dict(os.environ, NO_COLOR="1"))
    expect(result.returncode == 1, f"a drifted recipe exits 1, not {result.returncode}: {result.stderr}")
    expect("-    \"-C\", \"opt-level=1\"" in result.stdout, "the text report shows the diff")
    expect("\033[" not in result.stdout, "NO_COLOR (and a pipe) means no colour")

    with open(out["json"]) as f:
        report = json.load(f)
    try:
        jsonschema.validate(report, schema)
        expect(True, "")
    except jsonschema.ValidationError as e:
        expect(False, f"JSON report does not validate: {e.message}")
    # Two recipes and the helper beside them.
    expect(report["summary"] == {"cases": 3, "passed": 2, "failed": 1, "errors": 0}, f"summary {report['summary']}")

    suites = ET.parse(out["xml"]).getroot()
    expect(suites.tag == "testsuites" and suites.get("tests") == "3" and suites.get("failures") == "1",
           f"JUnit totals {suites.attrib}")
    cases = suites.findall("./testsuite/testcase")
    expect(len(cases) == 3 and sum(1 for c in cases if c.find("failure") is not None) == 1, "JUnit cases")

    with open(out["md"]) as f:
        md = f.read()
    expect("| recipe | check | verdict | summary |" in md and "❌ fail" in md, "Markdown table")

    # Exit codes: 0 clean, 2 input error.
    clean = subprocess.run([tool, "audit", "generate", "--check", os.path.join(recipes, "multi@0.1.0.Dockerfile")],
                           capture_output=True, text=True)
    expect(clean.returncode == 0, f"a current recipe exits 0, not {clean.returncode}: {clean.stderr}")
    missing = subprocess.run([tool, "audit", "generate", "--check", os.path.join(scratch, "nope")], capture_output=True,
                             text=True)
    expect(missing.returncode == 2 and "no such recipe" in missing.stderr, f"missing path exits 2: {missing.stderr}")
    plain = os.path.join(scratch, "plain.Dockerfile")
    with open(plain, "w") as f:
        f.write("FROM scratch\n")
    foreign = subprocess.run([tool, "audit", "generate", "--check", plain], capture_output=True, text=True)
    expect(foreign.returncode == 2 and "cargo-recipe-request/1" in foreign.stderr, f"foreign recipe exits 2: {foreign.stderr}")

print(f"report formats: {passes} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
