#!/usr/bin/env python3
"""schemas/hints.schema.json and the tool agree: the built-in database and the example hints file
validate against the schema and read in the tool; each invalid file is rejected by both.

usage: schema_test.py CARGO_RECIPE REPO_ROOT
"""
import json
import os
import subprocess
import sys
import tempfile
import tomllib

import jsonschema

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from checks import Checks  # noqa: E402

tool, root = sys.argv[1], sys.argv[2]
c = Checks()
with open(os.path.join(root, "schemas", "hints.schema.json")) as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)


def tool_reads(path):
    result = subprocess.run([tool, "hints", "--hints", path, "openssl-sys"], capture_output=True, text=True)
    return result.returncode, result.stderr.strip()


for name in ("generator/hints/builtin.toml", "tests/hints/example.toml"):
    path = os.path.join(root, name)
    with open(path, "rb") as f:
        doc = tomllib.load(f)
    errors = [e.message for e in validator.iter_errors(doc)]
    c.expect(not errors, f"{name} validates against the schema: {errors[:3]}")
    code, stderr = tool_reads(path)
    c.expect(code == 0, f"the tool reads {name}: exit {code}: {stderr}")

INVALID = {
    "unknown key": '[crates.libz-sys]\napr = ["zlib1g-dev"]\n',
    "unknown distro": '[crates.libz-sys]\ndnf = ["zlib-devel"]\n',
    "wrong type": '[crates.libz-sys]\napt = "zlib1g-dev"\n',
    "bad apt pin": '[crates.openssl-sys]\napt = ["libssl-dev=3.0.15"]\n',
    "bad apk pin": '[crates.openssl-sys]\napk = ["openssl-dev (=3.3.2-r0)"]\n',
    "bad crate key": '[crates."a b"]\napt = []\n',
    "wrong schema": 'schema = "cargo-recipe/hints/2"\n',
}
with tempfile.TemporaryDirectory() as scratch:
    for what, text in INVALID.items():
        path = os.path.join(scratch, what.replace(" ", "-") + ".toml")
        with open(path, "w") as f:
            f.write(text)
        c.expect(not validator.is_valid(tomllib.loads(text)), f"the schema rejects a file with a {what}")
        code, stderr = tool_reads(path)
        c.expect(code == 2 and stderr.startswith("cargo-recipe: error: " + path + ":") and "\n" not in stderr,
                 f"the tool rejects a file with a {what} in one line naming it: exit {code}: {stderr}")

print(f"hints schema: {c.passes} passed, {len(c.failures)} failed")
sys.exit(1 if c.failures else 0)
