#include "generator/hints/collect.hpp"

#include "generator/hints/builtin.hpp"
#include "generator/hints/manifest_hints.hpp"
#include "generator/hints/read_hints.hpp"
#include "generator/support/error.hpp"
#include "generator/support/suggest.hpp"

namespace recipe::hints {

namespace {

// os-release IDs of the distros each family covers.
std::optional<Distro> family_of(const std::string& id) {
  if (id == "debian" || id == "ubuntu") {
    return Distro::debian;
  }
  if (id == "alpine") {
    return Distro::alpine;
  }
  return std::nullopt;
}

}  // namespace

HintSet collect_hints(const HintOptions& options, const std::vector<HintsFileText>& files,
                      const model::Workspace* workspace) {
  std::vector<HintSource> sources = {builtin_hints()};
  for (const auto& file : files) {
    sources.push_back(read_hints_file(file.text, file.path, "hints file " + file.path));
  }
  if (workspace != nullptr) {
    for (auto& source : manifest_hint_sources(*workspace)) {
      sources.push_back(std::move(source));
    }
  }
  if (!options.add_apt.empty() || !options.add_apk.empty()) {
    sources.push_back(added_packages_source(options.add_apt, options.add_apk));
  }
  return HintSet(std::move(sources));
}

Distro decide_distro(const std::string& option, const std::string& toolchain_distro, const std::string& base_image,
                     std::string* why) {
  auto because = [why](const std::string& reason) {
    if (why != nullptr) {
      *why = reason;
    }
  };
  if (!option.empty()) {
    because("--distro");
    if (auto distro = parse_distro(option)) {
      return *distro;
    }
    throw InputError("--distro: unknown distro " + quoted_with_suggestion(option, {"debian", "alpine"}) +
                     " (cargo-recipe installs packages on debian or alpine)");
  }
  if (!toolchain_distro.empty()) {
    if (auto distro = family_of(toolchain_distro)) {
      because("the toolchain file (os-release ID " + toolchain_distro + ")");
      return *distro;
    }
    throw InputError("the toolchain file says distro \"" + toolchain_distro +
                     "\", whose packages cargo-recipe cannot install (pass --distro debian or --distro alpine)");
  }
  bool alpine = base_image.find("alpine") != std::string::npos;
  because(alpine ? "the base image name" : "default: the base image name does not say alpine");
  return alpine ? Distro::alpine : Distro::debian;
}

}  // namespace recipe::hints
