#include "generator/hints/resolve.hpp"

#include <algorithm>

#include "generator/support/error.hpp"

namespace recipe::hints {

namespace {

std::string entry_text(const CrateHint& hint) {
  return hint.req_text.empty() ? hint.crate : hint.crate + "@" + hint.req_text;
}

// The entry of `source` for the crate on `distro`: one with a matching requirement beats the bare
// name; among equals the last in the source's (sorted) order.
const CrateHint* best_entry(const HintSource& source, const std::string& name, const model::Version* version,
                            Distro distro) {
  const CrateHint* best = nullptr;
  for (const auto& hint : source.crates) {
    if (hint.crate != name || !hint.packages.contains(distro)) {
      continue;
    }
    if (hint.req && (version == nullptr || !hint.req->matches(*version))) {
      continue;
    }
    if (best == nullptr || best->req.has_value() <= hint.req.has_value()) {
      best = &hint;
    }
  }
  return best;
}

}  // namespace

std::optional<Decision> HintSet::for_crate(const std::string& name, const std::string& version, Distro distro) const {
  std::optional<model::Version> parsed = model::Version::parse(version);
  std::optional<Decision> decision;
  for (const auto& source : m_sources) {
    const CrateHint* hint = best_entry(source, name, parsed ? &*parsed : nullptr, distro);
    if (hint == nullptr) {
      continue;
    }
    std::vector<std::string> overridden;
    if (decision) {
      overridden = std::move(decision->overridden);
      overridden.push_back(decision->source + " (" + decision->entry + ")");
    }
    decision = Decision{merge_packages(hint->packages.at(distro), source.name + " (" + entry_text(*hint) + ")"),
                        source.name, entry_text(*hint), hint->where, std::move(overridden)};
  }
  return decision;
}

std::vector<SystemPackage> HintSet::everywhere(Distro distro) const {
  std::vector<SystemPackage> all;
  for (const auto& source : m_sources) {
    auto list = source.everywhere.find(distro);
    if (list != source.everywhere.end()) {
      all.insert(all.end(), list->second.begin(), list->second.end());
    }
  }
  return merge_packages(std::move(all), "the packages for every unit");
}

std::vector<std::string> HintSet::everywhere_sources(Distro distro) const {
  std::vector<std::string> names;
  for (const auto& source : m_sources) {
    auto list = source.everywhere.find(distro);
    if (list != source.everywhere.end() && !list->second.empty()) {
      names.push_back(source.name);
    }
  }
  return names;
}

std::vector<SystemPackage> merge_packages(std::vector<SystemPackage> packages, const std::string& context) {
  // Unpinned ("") sorts before pinned, so the last of each name is the pin if there is one.
  std::ranges::sort(packages);
  std::vector<SystemPackage> out;
  for (auto& package : packages) {
    if (!out.empty() && out.back().name == package.name) {
      if (!out.back().version.empty() && out.back().version != package.version) {
        throw InputError(context + ": package \"" + package.name + "\" is pinned to both \"" + out.back().version +
                         "\" and \"" + package.version + "\" (keep one pin)");
      }
      out.back() = std::move(package);
      continue;
    }
    out.push_back(std::move(package));
  }
  return out;
}

}  // namespace recipe::hints
