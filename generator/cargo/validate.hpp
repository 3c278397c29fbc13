#pragma once

#include <string>
#include <string_view>

#include "generator/cargo/lockfile.hpp"
#include "generator/model/workspace.hpp"

// The input edge: every name, version, checksum, URL and path read from cargo's metadata or
// Cargo.lock is checked here against what cargo (or crates.io, where it is stricter and this tool
// needs it) allows, before planning. What passes cannot break a recipe line: the emitter writes it
// through emit/escape.hpp all the same.
namespace recipe::cargo {

// Why `name` is not a package, target or dependency name: ASCII letters, digits, '-' and '_';
// "" if it is one.
std::string name_problem(std::string_view name);

// Why `name` is not a feature name: ASCII letters, digits, '_', '-', '+' and '.', starting with a
// letter, digit or '_'; "" if it is one.
std::string feature_problem(std::string_view name);

// Why `version` is not a semver version cargo accepts ("1.2.3-pre.1+build"); "" if it is one.
std::string version_problem(std::string_view version);

// Why `checksum` is not a sha256 as Cargo.lock writes it (64 lowercase hex digits); "" if it is.
std::string checksum_problem(std::string_view checksum);

// Why `path` is not a relative path that stays inside its folder (no "..", no leading "/", no
// control character), with `leading_up` allowing leading ".." components (a path package
// beside the workspace); "" if it is one.
std::string relative_path_problem(std::string_view path, bool leading_up = false);

// Throws InputError with a one-line message (the first problem, located at the package's
// Cargo.toml, and how many more there are) unless every package of `ws` has acceptable names,
// versions, features, targets, dependency names, links key, source URL and paths.
void validate_workspace(const model::Workspace& ws);

// What Debian's crate packages record instead of a checksum (their .cargo-checksum.json), and so
// what cargo copies into Cargo.lock for them: no checksum at all.
inline constexpr std::string_view k_debian_no_checksum = "Could not get crate checksum";

// Throws InputError located at `lock.origin` and the entry's line unless every checksum of
// `lock` is 64 lowercase hex digits or Debian's placeholder (kept, as unit ids hash it; the
// emitter's registry mode refuses a crate without a real checksum, vendor mode needs none).
void validate_lockfile(const Lockfile& lock);

}  // namespace recipe::cargo
