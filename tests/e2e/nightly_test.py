#!/usr/bin/env python3
"""hack/nightly.sh as CI runs it: over all of recipes/ it writes a Markdown summary and a JUnit file
and passes; the next night, with a deliberately non-reproducible recipe added, it fails and names
it; against a baseline where that recipe passed, its stages are marked regressed.

usage: nightly_test.py CARGO_RECIPE
Exits 77 (skipped) when no engine answers.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import jsonschema

from checks import Checks

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOLCHAIN = os.path.join(ROOT, "recipes", "toolchains", "rust-base-bookworm.toml")
REGISTRY = "/usr/share/cargo/registry"
# The second night rebuilds only two small committed recipes (a hostile manifest, a crate with two
# binaries) next to the fixture: the first night has audited all of recipes/ already.
COMMITTED = ["recipes/hostile@0.1.0-rc.1.Dockerfile", "recipes/twobins@0.1.0.Dockerfile"]


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, text=True, **kw)


def nightly(tool, out, recipes, *extra):
    result = run([os.path.join(ROOT, "hack", "nightly.sh"), "--out", out, *extra, *recipes], cwd=ROOT,
                 env=dict(os.environ, CARGO_RECIPE=tool))
    print(result.stdout[-3000:], result.stderr[-2000:])
    return result


def check_outputs(c, out, schema, label):
    with open(os.path.join(out, "summary.json")) as f:
        doc = json.load(f)
    jsonschema.validate(doc, schema)
    suite = ET.parse(os.path.join(out, "junit.xml")).getroot()
    cases = suite.findall(".//testcase")
    c.expect(len(cases) == doc["summary"]["cases"] > 0, f"{label}: JUnit has a case per report case ({len(cases)})")
    with open(os.path.join(out, "summary.md")) as f:
        md = f.read()
    c.expect("| recipe | check | verdict | summary |" in md, f"{label}: the Markdown has its table")
    return doc


def main():
    tool = os.path.abspath(sys.argv[1])
    if run(["/usr/bin/docker", "info"]).returncode != 0:
        print("nightly-e2e: skipped: no Docker daemon answers (hack/start-dockerd.sh starts one)")
        return 77
    with open(os.path.join(ROOT, "schemas", "audit-report.schema.json")) as f:
        schema = json.load(f)
    c = Checks()
    with tempfile.TemporaryDirectory(prefix="cargo-recipe-nightly.") as scratch:
        # Last night: every committed recipe, all reproducible.
        first = os.path.join(scratch, "night-1")
        result = nightly(tool, first, ["recipes"])
        c.expect(result.returncode == 0, f"recipes/: nightly exits 0, got {result.returncode}")
        baseline = check_outputs(c, first, schema, "night 1")
        c.expect(baseline["summary"]["failed"] == 0, f"night 1: nothing failed: {baseline['summary']}")
        committed = sorted(f for f in os.listdir(os.path.join(ROOT, "recipes")) if f.endswith(".Dockerfile"))
        audited = sorted({os.path.basename(x["suite"]) for x in baseline["cases"]})
        # ... and the helper beside them, which the drift gate checks once for the folder.
        c.expect(audited == sorted(committed + ["recipe-helper.sh"]),
                 f"night 1 audited every committed recipe and the helper: {audited}")

        # Tonight: the same, plus a recipe made non-reproducible on purpose.
        # Its header may name only paths inside its repository (the folder holding recipes/): the
        # workspace is copied there, generated from there as a repository's CI would.
        os.makedirs(os.path.join(scratch, "recipes"))
        shutil.copytree(os.path.join(ROOT, "tests", "workspaces", "unreproducible"), os.path.join(scratch, "unreproducible"))
        shutil.copytree(os.path.join(ROOT, "tests", "workspaces", "unreproducible", ".cargo"), os.path.join(scratch, ".cargo"))
        bad = os.path.join(scratch, "recipes", "unreproducible@0.1.0.Dockerfile")
        generated = run([tool, "generate", "--manifest-path", os.path.join("unreproducible", "Cargo.toml"),
                         "--offline", "--locked", "--toolchain", TOOLCHAIN, "--sources", "vendor=" + REGISTRY, "-o", bad],
                        cwd=scratch)
        c.expect(generated.returncode == 0, f"the unreproducible recipe generates: {generated.stderr[-500:]}")
        second = os.path.join(scratch, "night-2")
        result = nightly(tool, second, COMMITTED + [bad], "--baseline", os.path.join(first, "summary.json"))
        c.expect(result.returncode == 1, f"with a non-reproducible recipe: exit 1, got {result.returncode}")
        tonight = check_outputs(c, second, schema, "night 2")
        flagged = {x["name"] for x in tonight["cases"] if x["facts"].get("change") == "new failure"}
        c.expect(any(n.startswith("lib-ordered-") for n in flagged) and
                 all(x["suite"].endswith("unreproducible@0.1.0.Dockerfile") for x in tonight["cases"]
                     if x["facts"].get("change") == "new failure"),
                 f"only the unreproducible recipe's stages are new failures: {sorted(flagged)}")
        unchanged = [x for x in tonight["cases"] if "hostile" in x["suite"]]
        c.expect(unchanged and all(x["facts"]["change"] == "unchanged" for x in unchanged),
                 "the committed recipes are unchanged against the baseline")
        with open(os.path.join(second, "summary.md")) as f:
            c.expect("REGRESSED" in f.read(), "the Markdown marks the regression")
        junit = ET.parse(os.path.join(second, "junit.xml")).getroot()
        c.expect(int(junit.get("failures", "0")) + sum(int(s.get("failures", "0")) for s in junit.findall("testsuite")) > 0,
                 "the JUnit file counts failures")

        # A baseline in which the unreproducible recipe passed: its failures are regressions now.
        doctored = json.loads(open(os.path.join(second, "summary.json")).read())
        for x in doctored["cases"]:
            x["verdict"] = "pass"
        fake = os.path.join(scratch, "doctored-baseline.json")
        with open(fake, "w") as f:
            json.dump(doctored, f)
        reports = sorted(os.path.join(second, n) for n in os.listdir(second)
                         if n.endswith(".json") and n != "summary.json")
        again = run([tool, "audit", "summary", *reports, "--baseline", fake, "--report-json",
                     os.path.join(scratch, "again.json")])
        c.expect(again.returncode == 1, f"against a passing baseline: exit 1, got {again.returncode}")
        with open(os.path.join(scratch, "again.json")) as f:
            marked = json.load(f)
        regressed = [x for x in marked["cases"] if x["facts"]["change"] == "regressed"]
        c.expect(regressed and all("unreproducible" in x["suite"] for x in regressed),
                 f"its failing stages are regressed: {len(regressed)}")
    print(f"nightly-e2e: {c.passes} passed, {len(c.failures)} failed")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
