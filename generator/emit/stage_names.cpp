#include "generator/emit/stage_names.hpp"

#include "generator/support/hash.hpp"

#include <algorithm>
#include <cctype>

#include "generator/plan/layout.hpp"

namespace recipe::emit {

namespace {

// Stage names allow lowercase letters, digits, '-', '_' and '.'.
std::string sanitize(std::string text) {
  for (char& c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '_' && c != '.') {
      c = '_';
    }
  }
  return text;
}

}  // namespace

std::string unit_kind(const plan::Unit& unit) {
  const model::Target& target = *unit.target;
  if (unit.mode == plan::Mode::run_custom_build) {
    return "build-script-run";
  }
  if (target.is_custom_build()) {
    return "build-script";
  }
  if (target.is_proc_macro()) {
    return "proc-macro";
  }
  if (target.is_bin()) {
    return "bin";
  }
  if (!target.is_linkable()) {
    return "cdylib";
  }
  return "lib";
}

std::string unit_stage(const plan::Unit& unit) {
  std::string target = unit.target->is_bin() ? "-" + unit.target->name : "";
  return sanitize(unit_kind(unit) + "-" + unit.package->name + "-" + unit.package->version + target + "-" +
                  unit.id.substr(0, 12));
}

std::string output_stage(const plan::Unit& unit) {
  return "out-" + unit_stage(unit);
}

std::string source_stage(const model::Package& pkg) {
  std::string key = pkg.key;
  std::replace(key.begin(), key.end(), '@', '-');
  return sanitize("src-" + key);
}

std::string package_set_stage(hints::Distro distro, const std::vector<hints::SystemPackage>& packages) {
  Hasher hasher;
  hasher.field("distro", hints::to_string(distro));
  for (const auto& package : packages) {
    hasher.field("package", package.install_word());
  }
  return std::string(hints::list_key(distro)) + "-" + hasher.hex_digest().substr(0, 12);
}

bool is_unit_stage_name(std::string_view name) {
  if (name.empty() || name == k_base_stage) {
    return false;
  }
  for (std::string_view prefix : {"src-", "out-", "apt-", "apk-", "recipe-helper-", "runtime"}) {
    if (name.starts_with(prefix)) {
      return false;
    }
  }
  return true;
}

}  // namespace recipe::emit
