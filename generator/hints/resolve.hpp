#pragma once

#include <optional>
#include <string>
#include <vector>

#include "generator/hints/hints.hpp"

namespace recipe::hints {

// Why a crate gets the packages it gets on one distro.
struct Decision {
  std::vector<SystemPackage> packages;  // sorted by name, one per name
  std::string source;                   // the source that won
  std::string entry;                    // its entry as written: "openssl-sys" or "openssl-sys@>=0.9"
  std::string where;                    // file:line of that entry, or the manifest
  std::vector<std::string> overridden;  // earlier sources that named the crate too: "SOURCE (ENTRY)"
};

// All the hint sources of one generation, in merge order: the built-in database, --hints files,
// each crate's [package.metadata.recipe] (and cargo-green's), [workspace.metadata.recipe], the
// environment. For a crate, the last source with a list for the distro wins and replaces what
// came before (an empty list removes a hint); everywhere-lists add up.
class HintSet {
 public:
  HintSet() = default;
  explicit HintSet(std::vector<HintSource> sources) : m_sources(std::move(sources)) {}

  // What `name`@`version` needs on `distro`, or nothing when no source names it. Within one source
  // an entry with a matching version requirement beats the bare name.
  std::optional<Decision> for_crate(const std::string& name, const std::string& version, Distro distro) const;

  // The union of every source's everywhere-list for `distro`, and the sources that gave one.
  std::vector<SystemPackage> everywhere(Distro distro) const;
  std::vector<std::string> everywhere_sources(Distro distro) const;

  const std::vector<HintSource>& sources() const { return m_sources; }

 private:
  std::vector<HintSource> m_sources;
};

// `packages` sorted by name with one entry per name: a pinned one beats an unpinned one. Throws
// InputError when two pins of one package disagree; `context` says where the set is used.
std::vector<SystemPackage> merge_packages(std::vector<SystemPackage> packages, const std::string& context);

}  // namespace recipe::hints
