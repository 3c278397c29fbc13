#!/usr/bin/env bash
# Regenerate generator/hints/builtin.toml, the built-in hints database, from Debian's own
# packaging: every librust-*-sys-dev package of the release apt knows (bookworm here) names, in its
# Depends, the C -dev packages its crate's build script links against. Alpine names come from the
# reviewed mapping generator/hints/alpine-names.toml. Review the diff, then commit the result.
#
#   hack/make-hints-db.sh            apt-get update, then write generator/hints/builtin.toml
#   hack/make-hints-db.sh --no-update  use the package lists as they are
#   hack/make-hints-db.sh --check    exit 1 if the committed file differs from what apt says now
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C

update=1
check=0
for arg in "$@"; do
  case $arg in
    --no-update) update=0 ;;
    --check) check=1 ;;
    *) echo "make-hints-db: unknown argument $arg" >&2; exit 2 ;;
  esac
done
# Package lists that do not know Debian's crates (a machine whose lists were cleaned) would make
# an empty database: update them then, whatever was asked.
if [[ $update -eq 1 ]] || ! apt-cache show librust-libc-dev >/dev/null 2>&1; then
  apt-get update -qq
fi

out=generator/hints/builtin.toml
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
python3 - generator/hints/alpine-names.toml "$tmp" <<'PY'
import re
import subprocess
import sys
import tomllib

mapping_path, out_path = sys.argv[1], sys.argv[2]
with open(mapping_path, "rb") as f:
    mapping = tomllib.load(f)
to_alpine = mapping["debian-to-alpine"]
unmapped = set(mapping["unmapped"]["packages"])

def apt_cache(*args):
    return subprocess.run(["apt-cache", *args], check=True, capture_output=True, text=True).stdout

# `apt-cache search --names-only` also matches Provides (librust-chrono-dev provides
# librust-chrono+js-sys-dev): keep the packages whose own name is a -sys crate's, with an optional
# semver suffix (librust-foo-sys-0.2-dev) and optional feature (librust-curl-sys+http2-dev).
# `-sys-rs` is the same family (cairo-sys-rs).
search = apt_cache("search", "--names-only", r"^librust-.*-sys(-rs)?(-[0-9.]+)?(\+.*)?-dev$")
name_re = re.compile(r"^librust-([a-z0-9-]+?-sys(?:-rs)?)(?:-([0-9]+(?:\.[0-9]+)*))?(?:\+([a-z0-9._+-]+))?-dev$")
packages = sorted({line.split(" - ", 1)[0] for line in search.splitlines() if line.strip()})
packages = [p for p in packages if name_re.match(p)]

# The crates whose build scripts run the pkg-config binary: depending on them is depending on it.
pkg_config_crates = ("librust-pkg-config-", "librust-system-deps-", "librust-metadeps-")

def depends_blocks(packages):
    """`apt-cache depends` of every package in one call (one per package takes minutes): each
    package's lines, by package. A block starts with the package's name, unindented."""
    blocks, current = {}, None
    out = apt_cache("depends", "--no-recommends", "--no-suggests", "--no-conflicts", "--no-breaks",
                    "--no-replaces", "--no-enhances", *packages)
    for line in out.splitlines():
        if not line.startswith(" "):
            current = blocks.setdefault(line.strip(), [])
        elif current is not None:
            current.append(line)
    return blocks

def c_dependencies(lines):
    """The C -dev packages (and pkg-config) a package depends on, from its `apt-cache depends`
    lines: for each Depends group the first alternative, a virtual package replaced by its first
    provider."""
    deps, uses_pkg_config = [], False
    groups, current, in_alternative = [], None, False
    for line in lines:
        m = re.match(r"^  (\|?)Depends: (<?)([^>]+)>?$", line)
        if m:
            if not in_alternative:
                current = []
                groups.append(current)
            current.append({"name": m.group(3), "virtual": m.group(2) == "<", "providers": []})
            in_alternative = m.group(1) == "|"
        elif line.startswith("    ") and current:
            current[-1]["providers"].append(line.strip())
        else:
            in_alternative = False
    for group in groups:
        if any(alt["name"].startswith(pkg_config_crates) for alt in group):
            uses_pkg_config = True
        first = group[0]
        name = first["providers"][0] if first["virtual"] and first["providers"] else first["name"]
        if name.startswith("librust-"):
            continue
        if name.endswith("-dev"):
            deps.append(name)
        elif name in ("pkg-config", "pkgconf"):
            uses_pkg_config = True
    return deps, uses_pkg_config

crates = {}  # key "name" or "name@^0.2" -> set of Debian packages
with_c_deps = 0
blocks = depends_blocks(packages)
for package in packages:
    crate, version, _feature = name_re.match(package).groups()
    deps, uses_pkg_config = c_dependencies(blocks.get(package, []))
    if not deps:
        continue
    with_c_deps += 1
    if uses_pkg_config and not {"pkg-config", "pkgconf"} & set(deps):
        deps.append("pkg-config")
    key = crate if version is None else f"{crate}@^{version}"
    crates.setdefault(key, set()).update(deps)

missing = sorted({d for deps in crates.values() for d in deps} - set(to_alpine) - unmapped)
if missing:
    sys.exit("make-hints-db: review these Debian packages in " + mapping_path +
             " (map them under [debian-to-alpine] or list them under [unmapped]): " + ", ".join(missing))

def quoted_key(key):
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'

def toml_list(items):
    return "[" + ", ".join(f'"{i}"' for i in sorted(set(items))) + "]"

lines = [
    "# The built-in hints database of cargo-recipe: which distro packages a -sys crate's build needs.",
    "# Generated by hack/make-hints-db.sh: do not edit (override it with a hints file, see docs/hints.md).",
    "#",
    "# How: after apt-get update on Debian bookworm, every package named by",
    "#   apt-cache search --names-only '^librust-.*-sys(-rs)?(-[0-9.]+)?(\\+.*)?-dev$'",
    "# whose own name is a -sys crate's (librust-NAME[-SEMVER][+FEATURE]-dev), and its",
    "#   apt-cache depends --no-recommends --no-suggests PACKAGE",
    "# kept: the first alternative of each Depends group that is a C -dev package (a virtual one",
    "# replaced by its first provider), never librust-*; plus pkg-config when the package depends on",
    "# pkg-config/pkgconf or on the pkg-config, system-deps or metadeps crates, whose job is to run it.",
    "# A package with a semver suffix (librust-foo-sys-0.2-dev) gives the entry \"foo-sys@^0.2\".",
    "# apk lists: each apt package through generator/hints/alpine-names.toml; a crate with any",
    "# package that has no Alpine name there gets no apk list.",
    "#",
    f"# {with_c_deps} librust-*-sys-dev packages with C -dev dependencies, {len(crates)} entries.",
    'schema = "cargo-recipe/hints/1"',
]
for key in sorted(crates):
    deps = crates[key]
    lines.append("")
    lines.append(f"[crates.{quoted_key(key)}]")
    lines.append(f"apt = {toml_list(deps)}")
    if not deps & unmapped:
        lines.append(f"apk = {toml_list(to_alpine[d] for d in deps)}")
with open(out_path, "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"make-hints-db: {with_c_deps} librust-*-sys-dev packages with C -dev dependencies "
      f"({len(packages)} -sys packages looked at)", file=sys.stderr)
PY

if [[ $check -eq 1 ]]; then
  if ! diff -u "$out" "$tmp"; then
    echo "make-hints-db: $out is not what Debian's packages say now (run hack/make-hints-db.sh)" >&2
    exit 1
  fi
  exit 0
fi
cp "$tmp" "$out"
echo "make-hints-db: wrote $out" >&2
