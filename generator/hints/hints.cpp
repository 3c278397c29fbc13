#include "generator/hints/hints.hpp"

namespace recipe::hints {

const char* to_string(Distro distro) {
  return distro == Distro::debian ? "debian" : "alpine";
}

const char* list_key(Distro distro) {
  return distro == Distro::debian ? "apt" : "apk";
}

std::optional<Distro> parse_distro(std::string_view name) {
  if (name == "debian") {
    return Distro::debian;
  }
  if (name == "alpine") {
    return Distro::alpine;
  }
  return std::nullopt;
}

std::string SystemPackage::install_word() const {
  return version.empty() ? name : name + "=" + version;
}

std::string install_words(const std::vector<SystemPackage>& packages) {
  std::string out;
  for (const auto& package : packages) {
    out += (out.empty() ? "" : " ") + package.install_word();
  }
  return out;
}

}  // namespace recipe::hints
