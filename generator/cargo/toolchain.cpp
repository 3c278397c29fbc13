#include "generator/cargo/toolchain.hpp"

#include "generator/cargo/toml_document.hpp"

#include "generator/support/error.hpp"

namespace recipe::cargo {

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
    throw InputError(path + ": a toolchain file needs the strings \"rustc_vv\" (rustc -vV) and \"cfg\" (rustc --print cfg)");
  }
  model::Toolchain toolchain = toolchain_from_text(*vv, *cfg, path);
  if (const toml::node* distro = doc.get("distro")) {
    if (!distro->is_string()) {
      throw InputError(location_of(path, *distro) + ": distro must be a string (the ID of the image's /etc/os-release)");
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
  return toolchain;
}

}  // namespace recipe::cargo
