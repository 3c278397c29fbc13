#include "generator/cargo/toolchain.hpp"

#include "generator/cargo/toml_document.hpp"

#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::cargo {

const model::CfgSet& Toolchain::cfg(const std::string& triple) const {
  auto it = cfg_by_triple.find(triple);
  if (it == cfg_by_triple.end()) {
    throw InputError("no cfg known for target \"" + triple +
                     "\" (add it to the toolchain file's [target_cfg] table, from rustc --print cfg --target " + triple + ")");
  }
  return it->second;
}

bool Toolchain::at_least(unsigned major, unsigned minor) const {
  return version.major > major || (version.major == major && version.minor >= minor);
}

Toolchain toolchain_from_text(std::string_view rustc_vv, std::string_view host_cfg, const std::string& origin) {
  Toolchain toolchain;
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

Toolchain read_toolchain_file(const std::string& path) {
  std::string text = read_file(path);
  toml::table doc = parse_toml(text, path);
  auto vv = doc["rustc_vv"].value<std::string>();
  auto cfg = doc["cfg"].value<std::string>();
  if (!vv || !cfg) {
    throw InputError(path + ": a toolchain file needs the strings \"rustc_vv\" (rustc -vV) and \"cfg\" (rustc --print cfg)");
  }
  Toolchain toolchain = toolchain_from_text(*vv, *cfg, path);
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

Toolchain query_local_toolchain(ProcessRunner& runner, const std::vector<std::string>& targets) {
  RunOptions opts;
  opts.env = deterministic_env();
  ProcessResult vv = runner.run({"rustc", "-vV"}, opts);
  ProcessResult cfg = runner.run({"rustc", "--print", "cfg"}, opts);
  if (vv.exit_code != 0 || cfg.exit_code != 0) {
    throw InputError("cannot run the local rustc (" + vv.err + cfg.err +
                     "): install rustc or pass --toolchain FILE");
  }
  Toolchain toolchain = toolchain_from_text(vv.out, cfg.out, "rustc -vV");
  for (const auto& triple : targets) {
    if (toolchain.cfg_by_triple.contains(triple)) {
      continue;
    }
    ProcessResult target_cfg = runner.run({"rustc", "--print", "cfg", "--target", triple}, opts);
    if (target_cfg.exit_code != 0) {
      throw InputError("rustc --print cfg --target " + triple + " failed: " + target_cfg.err);
    }
    toolchain.cfg_by_triple[triple] = model::CfgSet::parse(target_cfg.out, triple, "rustc --print cfg");
  }
  return toolchain;
}

}  // namespace recipe::cargo
