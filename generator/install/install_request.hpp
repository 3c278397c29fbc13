#pragma once

#include <optional>
#include <string>
#include <vector>

// `cargo-recipe install`: package a crate's binaries, with cargo install's vocabulary.
namespace recipe::install {

// Where the crate comes from. Exactly one applies: --path, --git, or the crate source (a vendor or
// Debian-registry folder given with --sources vendor=DIR; crates.io needs the network).
struct InstallRequest {
  std::string name;                 // from SPEC; "" when --path or --git name the only package with bins
  std::string version;              // from SPEC NAME@VERSION: exact MAJOR.MINOR.PATCH or a requirement; "" = newest
  std::optional<std::string> path;  // --path DIR
  std::optional<std::string> git;   // --git URL
  std::optional<std::string> rev;   // --rev, --tag, --branch (at most one, only with --git)
  std::optional<std::string> tag;
  std::optional<std::string> branch;
  bool locked = false;  // use the crate's own Cargo.lock, as cargo install --locked does
};

// Parse SPEC (NAME or NAME@VERSION) into `request`, and check the options fit together: one of
// --rev/--tag/--branch, and only with --git; not --git with --path; a SPEC unless --path or --git
// gives the crate. Throws InputError with the fix.
void check_request(InstallRequest& request, const std::string& spec);

}  // namespace recipe::install
