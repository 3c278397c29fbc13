#!/usr/bin/env bash
# Hostile inputs to the readers of metadata, Cargo.lock, manifests, toolchain and hints files:
# each is an input error (exit 2) with a one-line located message, and writes nothing.
# Usage: parsing_test.sh CARGO_RECIPE
set -uo pipefail
bin=$(readlink -f "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
meta=$here/fixtures/guppy/small/metadata1.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0

# shellcheck source=../support/check_command.sh
source "$here/support/check_command.sh"

# python3 edits the fixture: edit NAME PYTHON_STATEMENT (on `d`, the parsed metadata).
edit() {
  python3 - "$meta" "$work/$1.json" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[3])
open(sys.argv[2], "w").write(json.dumps(d))
PY
}

# Endless or huge inputs stop at their cap.
check "lockfile /dev/zero" 2 "/dev/zero: larger than 64 MiB" -- plan --metadata "$meta" --lockfile /dev/zero
check "toolchain /dev/zero" 2 "/dev/zero: larger than 64 MiB" -- plan --metadata "$meta" --toolchain /dev/zero
check "metadata /dev/zero" 2 "/dev/zero: larger than 1 GiB" -- plan --metadata /dev/zero
head -c $((64 * 1024 * 1024 + 1)) /dev/zero >"$work/big.lock"
check "lockfile over 64 MiB" 2 "big.lock: larger than 64 MiB" -- plan --metadata "$meta" --lockfile "$work/big.lock"

# JSON nested 100,000 deep: refused where it passes the limit, no recursion reached.
python3 -c 'import sys; sys.stdout.write("{\"version\":1,\"metadata\":" + "[" * 100000 + "]" * 100000 + "}")' >"$work/deep.json"
check "deep JSON" 2 "deep.json:1:280: JSON nested deeper than 256 levels" -- plan --metadata "$work/deep.json"

# Type errors name the field.
edit dep-kinds 'next(n for n in d["resolve"]["nodes"] if n["deps"])["deps"][0]["dep_kinds"] = [7]'
check "dep_kinds entry not an object" 2 "].deps[0].dep_kinds[0]: expected an object" -- plan --metadata "$work/dep-kinds.json"
edit version 'd["version"] = 2**32 + 1'
check "version beyond 32 bits" 2 "unsupported metadata format version 4294967297" -- plan --metadata "$work/version.json"
edit no-nodes 'd["resolve"]["nodes"] = []'
check "no resolve nodes" 2 "more have no node (cargo metadata lists one per package)" -- plan --metadata "$work/no-nodes.json"
edit nul-name 'd["packages"][0]["name"] += "\u0000x"'
check "NUL in a name" 2 'field "name" holds a NUL byte' -- plan --metadata "$work/nul-name.json"

# TOML readers see only UTF-8 without stray control characters (toml++ 3.3.0 has undefined
# behaviour on these bytes and an assertion on "[.").
printf '\xef\xbb\xbe\x0f\x00\x00\x42\x00\x00\x00\x00\x00\x00\x00\x0f' >"$work/unreachable.toml"
printf '[.' >"$work/dot.toml"
check "lockfile toml++ UB" 2 "unreachable.toml:1:4: invalid TOML: control character 15" -- \
  plan --metadata "$meta" --lockfile "$work/unreachable.toml"
check "lockfile [." 2 "dot.toml:1:" -- plan --metadata "$meta" --lockfile "$work/dot.toml"
check "toolchain toml++ UB" 2 "unreachable.toml:1:4: invalid TOML" -- plan --metadata "$meta" --toolchain "$work/unreachable.toml"
check "hints toml++ UB" 2 "unreachable.toml:1:4: invalid TOML" -- \
  generate --metadata "$meta" --hints "$work/unreachable.toml"
# Valid UTF-8 that reached toml++'s __builtin_unreachable where it skips whitespace (U+048C
# after a key), and a toml++ message that quotes a newline: located errors of one line.
printf '[package]\nname = "app"\nvessio\xd2\x8cys = 1\n' >"$work/whitespace.toml"
check "lockfile toml++ whitespace lookup" 2 "whitespace.toml:3:7: invalid TOML:" -- \
  plan --metadata "$meta" --lockfile "$work/whitespace.toml"
printf 'schema = tru\n' >"$work/newline-message.toml"
check "hints toml++ message with a newline" 2 "newline-message.toml:1:13: invalid TOML: Error while parsing boolean: expected 'true', saw 'tru\\n'" -- \
  generate --metadata "$meta" --hints "$work/newline-message.toml"
mkdir -p "$work/ws"
cp "$work/unreachable.toml" "$work/ws/Cargo.toml"
edit ws-root "d[\"workspace_root\"] = \"$work/ws\""
check "root manifest toml++ UB" 2 "Cargo.toml:1:4: invalid TOML" -- plan --metadata "$work/ws-root.json"

echo "$passes passed, $failures failed"
((failures == 0))
