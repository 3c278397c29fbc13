#include "generator/cargo/toolchain.hpp"

#include "generator/cargo/toml_document.hpp"

#include "generator/support/error.hpp"

namespace recipe::cargo {

namespace {

// One `[target.TRIPLE]` table: the target's cfg (required), Debian architecture, linker, C compiler
// and build-script environment.
void read_target_table(model::Toolchain& toolchain, const std::string& triple, const toml::node& node,
                       const std::string& path) {
  const std::string where = "target." + triple;
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    throw InputError(location_of(path, node) + ": " + where + " must be a table (cfg, deb_arch, linker, cc, env)");
  }
  std::string cfg = optional_string(*table, "cfg", path);
  if (cfg.empty()) {
    throw InputError(location_of(path, node) + ": " + where + " needs a \"cfg\" string (rustc --print cfg --target " +
                     triple + ")");
  }
  toolchain.cfg_by_triple[triple] = model::CfgSet::parse(cfg, triple, path);
  model::TargetSettings& settings = toolchain.targets[triple];
  settings.deb_arch = optional_string(*table, "deb_arch", path);
  settings.linker = optional_string(*table, "linker", path);
  settings.cc = optional_string(*table, "cc", path);
  if (const toml::node* env = table->get("env")) {
    if (!env->is_table()) {
      throw InputError(location_of(path, *env) + ": " + where + ".env must be a table of NAME = \"value\"");
    }
    for (const auto& [name, value] : *env->as_table()) {
      settings.env[std::string(name.str())] = optional_string(*env->as_table(), name.str(), path);
    }
  }
}

}  // namespace

model::Toolchain toolchain_from_text(std::string_view rustc_vv, std::string_view host_cfg, const std::string& origin) {
  model::Toolchain toolchain;
  std::string_view rest = rustc_vv;
  while (!rest.empty()) {
    size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
    if (line.starts_with("release: ")) {
      toolchain.release = std::string(line.substr(9));
    } else if (line.starts_with("host: ")) {
      toolchain.host = std::string(line.substr(6));
    }
  }
  auto version = model::Version::parse(toolchain.release);
  if (!version || toolchain.host.empty()) {
    throw InputError(origin + ": not the output of rustc -vV (need \"release:\" and \"host:\" lines)");
  }
  toolchain.version = *version;
  toolchain.cfg_by_triple[toolchain.host] = model::CfgSet::parse(host_cfg, toolchain.host, origin);
  if (toolchain.cfg_by_triple[toolchain.host].values.empty()) {
    throw InputError(origin + ": the host cfg is empty (expected the output of rustc --print cfg)");
  }
  return toolchain;
}

model::Toolchain parse_toolchain_file(std::string_view text, const std::string& path) {
  toml::table doc = parse_toml(text, path);
  auto vv = doc["rustc_vv"].value<std::string>();
  auto cfg = doc["cfg"].value<std::string>();
  if (!vv || !cfg) {
    throw InputError(path +
                     ": a toolchain file needs the strings \"rustc_vv\" (rustc -vV) and \"cfg\" (rustc --print cfg)");
  }
  model::Toolchain toolchain = toolchain_from_text(*vv, *cfg, path);
  if (const toml::node* distro = doc.get("distro")) {
    if (!distro->is_string()) {
      throw InputError(location_of(path, *distro) +
                       ": distro must be a string (the ID of the image's /etc/os-release)");
    }
    toolchain.distro = distro->as_string()->get();
  }
  if (const toml::table* targets = doc["target_cfg"].as_table()) {
    for (const auto& [triple, node] : *targets) {
      if (!node.is_string()) {
        throw InputError(path + ": target_cfg." + std::string(triple.str()) + " must be a string");
      }
      toolchain.cfg_by_triple[std::string(triple.str())] =
          model::CfgSet::parse(node.as_string()->get(), std::string(triple.str()), path);
    }
  }
  if (const toml::table* targets = doc["target"].as_table()) {
    for (const auto& [triple, node] : *targets) {
      read_target_table(toolchain, std::string(triple.str()), node, path);
    }
  }
  return toolchain;
}

}  // namespace recipe::cargo
