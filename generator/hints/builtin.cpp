#include "generator/hints/builtin.hpp"

#include "generator/hints/builtin_hints.hpp"
#include "generator/hints/read_hints.hpp"
#include "generator/support/error.hpp"
#include "generator/support/split.hpp"

namespace recipe::hints {

namespace {

// "a, b,,c" as a TOML array ["a", "b", "c"], for the hints reader's checks.
toml::array toml_list(const std::string& comma_separated) {
  toml::array out;
  for (const std::string& item : split_commas(comma_separated)) {
    size_t first = item.find_first_not_of(' ');
    if (first != std::string::npos) {
      out.push_back(item.substr(first, item.find_last_not_of(' ') - first + 1));
    }
  }
  return out;
}

}  // namespace

const HintSource& builtin_hints() {
  static const HintSource k_builtin = [] {
    try {
      return read_hints_file(k_builtin_hints_toml, "built-in hints database", "built-in database");
    } catch (const InputError& e) {
      throw Error(std::string("the built-in hints database does not read (a bug): ") + e.what());
    }
  }();
  return k_builtin;
}

HintSource added_packages_source(const std::string& apt, const std::string& apk) {
  HintSource out;
  out.name = "--add-apt/--add-apk (or CARGO_RECIPE_ADD_APT/CARGO_RECIPE_ADD_APK)";
  if (!apt.empty()) {
    toml::table table{{"apt", toml_list(apt)}};
    out.everywhere[Distro::debian] = read_hints_table(table, "--add-apt", out.name).everywhere[Distro::debian];
  }
  if (!apk.empty()) {
    toml::table table{{"apk", toml_list(apk)}};
    out.everywhere[Distro::alpine] = read_hints_table(table, "--add-apk", out.name).everywhere[Distro::alpine];
  }
  return out;
}

}  // namespace recipe::hints
