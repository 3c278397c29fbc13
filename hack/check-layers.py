#!/usr/bin/env python3
"""Fail when an #include goes up a layer.

The layers, lowest first, are the folders below; a file may include its own folder and any folder
listed before it, never one after it (docs/architecture.md). Usage: check-layers.py [ROOT]
(default: the repository this script is in). Prints one line per upward include and exits 1 when
there is one, 0 otherwise.
"""
import pathlib
import re
import sys

LAYERS = [
    "generator/support",
    "generator/model",
    "generator/cargo",
    "generator/plan",
    "generator/hints",
    "generator/emit",
    "generator/install",
    "generator/explain",
    "generator/pipeline",
    "audit/runner",
    "audit/snapshot",
    "audit/compare",
    "audit/report",
    "audit/regenerate",
    "audit/rebuild",
    "cli",
]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


def layer_of(path):
    """The index of the layer `path` (relative, with /) belongs to, or None."""
    for index, layer in enumerate(LAYERS):
        if path == layer or path.startswith(layer + "/"):
            return index
    return None


def upward_includes(root):
    """Yield (file, line number, included path) for every include of a higher layer."""
    for folder in ("generator", "audit", "cli"):
        for source in sorted((root / folder).rglob("*")):
            if source.suffix not in (".cpp", ".hpp", ".h", ".cc"):
                continue
            relative = source.relative_to(root).as_posix()
            own = layer_of(relative)
            if own is None:
                yield relative, 0, "(a folder that is in no layer: add it to LAYERS)"
                continue
            text = source.read_text(encoding="utf-8", errors="replace")
            for match in INCLUDE.finditer(text):
                target = layer_of(match.group(1))
                if target is not None and target > own:
                    yield relative, text.count("\n", 0, match.start()) + 1, match.group(1)


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    problems = list(upward_includes(root))
    for relative, line, included in problems:
        print(f"{relative}:{line}: includes {included}, a higher layer (see hack/check-layers.py)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
