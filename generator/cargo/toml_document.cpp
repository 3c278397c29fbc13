#include "generator/cargo/toml_document.hpp"

#include "generator/support/error.hpp"

namespace recipe::cargo {

namespace {

std::string at(const std::string& origin, const toml::source_region& region) {
  return origin + ":" + std::to_string(region.begin.line) + ":" + std::to_string(region.begin.column);
}

}  // namespace

toml::table parse_toml(std::string_view text, const std::string& origin) {
  try {
    return toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    throw InputError(at(origin, e.source()) + ": invalid TOML: " + std::string(e.description()));
  }
}

std::string location_of(const std::string& origin, const toml::node& node) {
  return at(origin, node.source());
}

}  // namespace recipe::cargo
