#!/usr/bin/env python3
"""End-to-end: `cargo-recipe audit build` against real engines.

usage: audit_test.py CARGO_RECIPE CASE
  clean           the multi workspace's recipe audits clean over 3 runs
  unreproducible  tests/workspaces/unreproducible: each deliberate non-determinism is found at the
                  right first divergent unit, with the right cause; downstream units propagated;
                  the controls stay identical
  cross-engine    docker and buildah alternate: every stage agrees across engines
  cross-daemon    two dockerd with separate data roots as two machines; then `audit compare`
                  of reports made on each
  engine-dies     the second dockerd is killed mid-audit: exit 3, a report marked incomplete
Exits 77 (skipped) when no engine answers. Prints "audit-e2e: N passed, M failed".
"""
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

import jsonschema

from checks import Checks

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOLCHAIN = os.path.join(ROOT, "recipes", "toolchains", "rust-base-bookworm.toml")
REGISTRY = "/usr/share/cargo/registry"
with open(os.path.join(ROOT, "schemas", "audit-report.schema.json")) as f:
    SCHEMA = json.load(f)


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, text=True, **kw)


def generate(tool, workspace, out):
    result = run([tool, "generate", "--manifest-path", os.path.join(workspace, "Cargo.toml"), "--offline", "--locked",
                  "--toolchain", TOOLCHAIN, "--sources", "vendor=" + REGISTRY, "-o", out])
    if result.returncode != 0:
        raise SystemExit(result.stderr)


def audit(tool, recipe, workspace, report, *extra):
    result = run([tool, "audit", "build", recipe, "--context", workspace, "--vendor", REGISTRY, "--report-json", report,
                  *extra], env=dict(os.environ, NO_COLOR="1"))
    print(result.stdout[-6000:])
    with open(report) as f:
        doc = json.load(f)
    jsonschema.validate(doc, SCHEMA)
    return result, doc


def stage(doc, prefix):
    matches = [c for c in doc["cases"] if c["name"].startswith(prefix)]
    return matches[0] if matches else None


def case_clean(c, tool, scratch):
    workspace = os.path.join(ROOT, "tests", "workspaces", "multi")
    recipe = os.path.join(scratch, "multi.Dockerfile")
    generate(tool, workspace, recipe)
    result, doc = audit(tool, recipe, workspace, os.path.join(scratch, "r.json"), "--runs", "3")
    c.expect(result.returncode == 0, f"multi audits clean: exit {result.returncode}: {result.stderr[-2000:]}")
    c.expect(len(doc["runs"]) == 3 and doc["complete"], "three complete runs recorded")
    c.expect(doc["summary"]["failed"] == 0 and doc["summary"]["passed"] > 50, f"summary {doc['summary']}")
    salts = {r["variation"].get("salt") for r in doc["runs"]}
    c.expect(len(salts) == 3, "every run had its own cache salt")
    identical = sum(1 for case in doc["cases"] if case["facts"]["output"] == "identical")
    c.expect(identical == len(doc["cases"]), f"outputs identical including metadata: {identical}/{len(doc['cases'])}")


def case_unreproducible(c, tool, scratch):
    workspace = os.path.join(ROOT, "tests", "workspaces", "unreproducible")
    recipe = os.path.join(scratch, "unrepro.Dockerfile")
    generate(tool, workspace, recipe)
    diffoscope = os.path.join(scratch, "diffoscope")
    result, doc = audit(tool, recipe, workspace, os.path.join(scratch, "r.json"), "--runs", "2",
                        "--diffoscope", diffoscope)
    c.expect(result.returncode == 1, f"not reproducible: exit 1, got {result.returncode}")
    # Each first divergent file went to diffoscope too, its report linked from the evidence.
    ordered = stage(doc, "lib-ordered-")
    if ordered is not None:
        linked = os.path.join(diffoscope, ordered["name"], "diffoscope.txt")
        c.expect("(diffoscope: " + linked + ")" in ordered["facts"].get("evidence", ""),
                 f"the evidence links diffoscope's report: {ordered['facts'].get('evidence', '')[-300:]}")
        c.expect(os.path.isfile(linked) and "ordered" in open(linked, errors="replace").read(),
                 "diffoscope's report of the ordered lib exists and names its symbols")
    expectations = {
        "build-script-run-clock-": ("first divergent", "timestamp"),
        "build-script-run-tmppath-": ("first divergent", "build path"),
        "lib-ordered-": ("first divergent", "ordering"),
        "lib-clock-": ("propagated", None),
        "lib-tmppath-": ("propagated", None),
        "bin-app-": ("propagated", None),
    }
    for prefix, (role, cause) in expectations.items():
        s = stage(doc, prefix)
        c.expect(s is not None, f"stage {prefix}* is in the report")
        if s is None:
            continue
        c.expect(s["facts"].get("role") == role, f"{s['name']}: role {s['facts'].get('role')}, want {role}")
        if cause:
            c.expect(s["facts"].get("cause") == cause,
                     f"{s['name']}: cause {s['facts'].get('cause')} ({s['facts'].get('evidence')}), want {cause}")
    for prefix in ("lib-steady-", "proc-macro-order-macro-", "build-script-clock-", "build-script-tmppath-"):
        for s in [x for x in doc["cases"] if x["name"].startswith(prefix)]:
            c.expect(s["verdict"] == "pass", f"control {s['name']} stays identical: {s['summary']}")
    c.expect("FIRST" in result.stdout, "the text report highlights first divergent stages")


def case_cross_engine(c, tool, scratch):
    workspace = os.path.join(ROOT, "tests", "workspaces", "hostile")
    recipe = os.path.join(scratch, "hostile.Dockerfile")
    generate(tool, workspace, recipe)
    result, doc = audit(tool, recipe, workspace, os.path.join(scratch, "r.json"), "--runs", "2", "--runner",
                        "docker,buildah")
    engines = [r["engine"] for r in doc["runs"]]
    c.expect(len(engines) == 2 and engines[0].startswith("docker") and engines[1].startswith("buildah"),
             f"runs alternate engines: {engines}")
    c.expect(result.returncode == 0, f"every stage agrees across docker and buildah: exit {result.returncode}")
    print("cross-engine: per-stage agreement " + ", ".join(f"{x['name']}={x['verdict']}" for x in doc["cases"]))


def second_daemon():
    result = run([os.path.join(ROOT, "hack", "start-second-dockerd.sh")])
    if result.returncode != 0:
        raise SystemExit("second dockerd: " + result.stderr)
    return result.stdout.strip()


def case_cross_daemon(c, tool, scratch):
    host = second_daemon()
    workspace = os.path.join(ROOT, "tests", "workspaces", "hostile")
    recipe = os.path.join(scratch, "hostile.Dockerfile")
    generate(tool, workspace, recipe)
    result, doc = audit(tool, recipe, workspace, os.path.join(scratch, "both.json"), "--runs", "2", "--builder",
                        "unix:///var/run/docker.sock", "--builder", host)
    c.expect(result.returncode == 0, f"two daemons agree: exit {result.returncode}")
    c.expect(doc["runs"][1]["engine"].endswith(host), f"the second run used the second daemon: {doc['runs'][1]['engine']}")
    # Reports made separately on each "machine", compared afterwards.
    audit(tool, recipe, workspace, os.path.join(scratch, "one.json"), "--runs", "2")
    audit(tool, recipe, workspace, os.path.join(scratch, "two.json"), "--runs", "2", "--builder", host)
    compared = run([tool, "audit", "compare", os.path.join(scratch, "one.json"), os.path.join(scratch, "two.json")])
    c.expect(compared.returncode == 0, f"audit compare of the two machines' reports: {compared.stdout[-1500:]}")


def case_engine_dies(c, tool, scratch):
    host = second_daemon()
    workspace = os.path.join(ROOT, "tests", "workspaces", "multi")
    recipe = os.path.join(scratch, "multi.Dockerfile")
    generate(tool, workspace, recipe)
    report = os.path.join(scratch, "r.json")

    def kill_later():
        time.sleep(8)
        run([os.path.join(ROOT, "hack", "start-second-dockerd.sh"), "--stop"])

    killer = threading.Thread(target=kill_later)
    killer.start()
    result = run([tool, "audit", "build", recipe, "--context", workspace, "--vendor", REGISTRY, "--runs", "3",
                  "--builder", host, "--report-json", report])
    killer.join()
    c.expect(result.returncode == 3, f"engine died: exit 3, got {result.returncode}: {result.stderr[-1500:]}")
    c.expect("cargo-recipe: error" in result.stderr or "incomplete" in result.stdout, "a clear message")
    with open(report) as f:
        doc = json.load(f)  # parses: never a corrupt file
    jsonschema.validate(doc, SCHEMA)
    c.expect(doc["complete"] is False and doc["incomplete_reason"], f"report marked incomplete: {doc['incomplete_reason']}")
    second_daemon()  # leave it running for whoever comes next


def main():
    tool, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    if run(["/usr/bin/docker", "info"]).returncode != 0:
        print("audit-e2e: skipped: no Docker daemon answers (hack/start-dockerd.sh starts one)")
        return 77
    c = Checks()
    with tempfile.TemporaryDirectory(prefix="cargo-recipe-audit-e2e.") as scratch:
        {"clean": case_clean, "unreproducible": case_unreproducible, "cross-engine": case_cross_engine,
         "cross-daemon": case_cross_daemon, "engine-dies": case_engine_dies}[case](c, tool, scratch)
    print(f"audit-e2e: {c.passes} passed, {len(c.failures)} failed")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
