#!/usr/bin/env python3
"""Write a synthetic Cargo workspace of a chosen size and shape, for the engines' growth curve.

usage: synthetic-workspace.py OUT --width W --depth D [--fan-in F] [--build-script-every K]

The workspace has W x D library crates in D layers of W (`l<layer>c<index>`), each depending on F
crates of the layer below (its own index and the next ones, wrapping), and one binary `synth`
depending on every crate of the top layer. Every K-th library (K > 0) has a build script, so it is
three units (build-script compile, its run, the library) instead of one. Everything is a path
member: no registry crate, so `cargo generate-lockfile --offline` writes the lockfile. The crates
are trivial (one constant each, summed at compile time) so that the engine's per-unit cost, not rustc, is what is measured.
The binary prints the sum of the top layer's constants; that number depends on the shape only, so two
builds of the same shape print the same line.

Prints the unit count `cargo build` would have: W*D libraries + 2 per build script + 1 binary.
"""
import argparse
import os
import subprocess
import sys


def crate_name(layer, index):
    return f"l{layer}c{index}"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def package_header(name):
    return f'[package]\nname = "{name}"\nversion = "0.1.0"\nedition = "2021"\nrust-version = "1.63"\npublish = false\n'


def dependencies_of(layer, index, width, fan_in):
    if layer == 0:
        return []
    return sorted({crate_name(layer - 1, (index + k) % width) for k in range(min(fan_in, width))})


def write_library(out, layer, index, deps, with_build_script):
    name = crate_name(layer, index)
    folder = os.path.join(out, "crates", name)
    manifest = package_header(name) + "\n[dependencies]\n"
    manifest += "".join(f'{d} = {{ path = "../{d}" }}\n' for d in deps)
    body = f"{layer * 1000 + index + 1}u64"
    if with_build_script:
        # The build script sets a cfg and an environment variable that the library reads.
        write(os.path.join(folder, "build.rs"),
              'fn main() {\n    println!("cargo:rustc-cfg=synthetic_built");\n'
              f'    println!("cargo:rustc-env=SYNTH_EXTRA={index}");\n}}\n')
        body += ' + env!("SYNTH_EXTRA").len() as u64'
    body += "".join(f" + {d}::VALUE" for d in deps)
    write(os.path.join(folder, "Cargo.toml"), manifest)
    write(os.path.join(folder, "src", "lib.rs"), f"pub const VALUE: u64 = {body};\n")
    return f"crates/{name}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--width", type=int, required=True)
    ap.add_argument("--depth", type=int, required=True)
    ap.add_argument("--fan-in", type=int, default=2)
    ap.add_argument("--build-script-every", type=int, default=0, metavar="K")
    args = ap.parse_args()
    if args.width < 1 or args.depth < 1:
        ap.error("--width and --depth must be at least 1")
    if os.path.exists(args.out) and os.listdir(args.out):
        ap.error(f"{args.out} exists and is not empty")

    members, build_scripts, serial = [], 0, 0
    for layer in range(args.depth):
        for index in range(args.width):
            serial += 1
            with_script = args.build_script_every > 0 and serial % args.build_script_every == 0
            build_scripts += with_script
            deps = dependencies_of(layer, index, args.width, args.fan_in)
            members.append(write_library(args.out, layer, index, deps, with_script))

    top = [crate_name(args.depth - 1, i) for i in range(args.width)]
    app = os.path.join(args.out, "synth")
    write(os.path.join(app, "Cargo.toml"), package_header("synth") + "\n[dependencies]\n" +
          "".join(f'{d} = {{ path = "../crates/{d}" }}\n' for d in top))
    write(os.path.join(app, "src", "main.rs"),
          "fn main() {\n    let total = 0u64" + "".join(f" + {d}::VALUE" for d in top) + ";\n"
          '    println!("synth {}", total);\n}\n')
    members.append("synth")
    write(os.path.join(args.out, "Cargo.toml"),
          '[workspace]\nresolver = "2"\nmembers = [\n' + "".join(f'    "{m}",\n' for m in members) + "]\n")
    subprocess.run(["cargo", "generate-lockfile", "--offline"], cwd=args.out, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(args.width * args.depth + 2 * build_scripts + 1)


if __name__ == "__main__":
    sys.exit(main())
