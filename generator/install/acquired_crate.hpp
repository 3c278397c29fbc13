#pragma once

#include <memory>
#include <string>

#include "generator/support/scoped_fs.hpp"

namespace recipe::install {

// A crate made ready for `cargo metadata`, and what the recipe must say of where it came from.
struct AcquiredCrate {
  std::unique_ptr<TempDir> scratch;  // owns the copy or checkout, when one was made
  std::string manifest_path;         // the Cargo.toml to plan
  // From a vendor folder: the crate is planned from a copy, but the recipe fetches it like any
  // dependency (vendor/NAME-VERSION, or by checksum from the registry).
  bool from_vendor = false;
  std::string checksum;    // the .crate's sha256 when the vendor folder records one
  std::string git_commit;  // --git: the commit checked out
};

}  // namespace recipe::install
