#!/usr/bin/env python3
"""Oracle test: `cargo-recipe plan --why PKG/FEATURE` against `cargo tree -e features -i PKG`.

For every package of WORKSPACE's plan that has a feature switched on, it asks cargo for the
inverted feature tree (normal and build edges, as `cargo build` resolves them) and asks
cargo-recipe why each of the package's features is on. It checks that
  * the package's features are the same in both (cargo also draws a "default" node for a package
    that declares no `default`, which is left out), and
  * every edge of our answer that ends at a feature ("serde feature \"std\"" is on because of
    "serde feature \"default\"", of "indexmap v1.9.2" declaring it, or of "mcore feature \"ordered\""
    saying "indexmap/std") is an edge of cargo's tree, and that a feature we say was asked on the
    command line is one cargo marks "(command-line)".
Host and target copies are compared together, as cargo's text does not tell them apart.
It prints one summary line and every difference, and exits non-zero on any difference.

usage: why_with_cargo_tree.py CARGO_RECIPE WORKSPACE
"""
import json
import os
import re
import subprocess
import sys

ENV = dict(os.environ, LC_ALL="C", CARGO_TERM_COLOR="never")
LINE = re.compile(r"^((?:│   |    )*)(├── |└── )?(.*)$")
MARKS = re.compile(r" \((?:\*|command-line|host|proc-macro|/[^)]*)\)")
FEATURE = re.compile(r'^(\S+) feature "([^"]+)"$')


def run(argv, cwd):
    result = subprocess.run(argv, cwd=cwd, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed in {cwd}:\n{result.stderr}")
    return result.stdout


def edges(tree_text):
    """(node, activator) pairs of an inverted tree, and the nodes marked as asked on the command line."""
    pairs, asked, stack = set(), set(), []
    for line in tree_text.splitlines():
        match = LINE.match(line)
        if not line.strip() or not match:
            continue
        depth = len(match.group(1)) // 4 + (1 if match.group(2) else 0)
        node = MARKS.sub("", match.group(3)).strip()
        if "(command-line)" in match.group(3):
            asked.add(node)
        del stack[depth:]
        if stack:
            pairs.add((stack[-1], node))
        stack.append(node)
    return pairs, asked


def main():
    cargo_recipe, workspace = sys.argv[1], os.path.abspath(sys.argv[2])
    manifest = os.path.join(workspace, "Cargo.toml")
    meta = json.loads(run(["cargo", "metadata", "--format-version", "1", "--offline", "--locked"], workspace))
    declared = {f"{p['name']}@{p['version']}": set(p["features"]) for p in meta["packages"]}
    plan = json.loads(run([cargo_recipe, "plan", "--manifest-path", manifest, "--offline", "--locked",
                           "--format", "json"], workspace))
    features = {}
    for unit in plan["units"]:
        features.setdefault(unit["package"], set()).update(unit["features"])
    problems, checked = [], 0
    for key, ours in sorted(features.items()):
        if not ours:
            continue
        name = key.split("@")[0]
        cargo_pairs, cargo_asked = edges(run(["cargo", "tree", "-e", "features,normal,build", "-i", key,
                                              "--offline", "--locked"], workspace))
        cargo_features = {m.group(2) for node, _ in cargo_pairs for m in [FEATURE.match(node)]
                          if m and m.group(1) == name}
        if "default" not in declared[key]:
            cargo_features.discard("default")
        if cargo_features != ours:
            problems.append(f"{key}: features ours {sorted(ours)} cargo {sorted(cargo_features)}")
        for feature in sorted(ours):
            text = run([cargo_recipe, "plan", "--manifest-path", manifest, "--offline", "--locked",
                        "--why", f"{key}/{feature}"], workspace)
            our_pairs, our_asked = edges(text)
            if not our_pairs and not our_asked:
                problems.append(f"{key}/{feature}: no reason given:\n{text}")
            for node, activator in sorted(our_pairs):
                checked += 1
                if FEATURE.match(node) and (node, activator) not in cargo_pairs:
                    problems.append(f"{key}/{feature}: {node} <- {activator}: not in cargo tree")
            for node in sorted(our_asked - cargo_asked):
                if FEATURE.match(node):
                    problems.append(f"{key}/{feature}: {node} asked on the command line, cargo says not")
    print(f"why: {checked} edges of {sum(len(f) for f in features.values())} features checked, "
          f"{len(problems)} differences")
    for problem in problems:
        print("  " + problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
