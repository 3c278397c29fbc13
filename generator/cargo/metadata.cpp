#include "generator/cargo/metadata.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "generator/cargo/json_error.hpp"
#include "generator/support/error.hpp"
#include "generator/support/hash.hpp"

namespace recipe::cargo {

namespace {

using nlohmann::json;
using model::DepKind;

// Accessors that turn a schema violation into an InputError naming the element.
class Reader {
 public:
  explicit Reader(std::string origin) : m_origin(std::move(origin)) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw InputError(m_origin + ": " + where + ": " + what);
  }

  const json& member(const json& object, const char* key, const std::string& where) const {
    if (!object.is_object()) {
      fail(where, "expected an object");
    }
    auto it = object.find(key);
    if (it == object.end()) {
      fail(where, std::string("missing field \"") + key + "\"");
    }
    return *it;
  }

  std::string string(const json& object, const char* key, const std::string& where) const {
    const json& value = member(object, key, where);
    if (!value.is_string()) {
      fail(where, std::string("field \"") + key + "\" must be a string");
    }
    return value.get<std::string>();
  }

  // Absent or null gives "".
  std::string optional_string(const json& object, const char* key, const std::string& where) const {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      return {};
    }
    if (!it->is_string()) {
      fail(where, std::string("field \"") + key + "\" must be a string or null");
    }
    return it->get<std::string>();
  }

  std::vector<std::string> strings(const json& object, const char* key, const std::string& where,
                                   bool required = true) const {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      if (required) {
        fail(where, std::string("missing field \"") + key + "\"");
      }
      return {};
    }
    if (!it->is_array()) {
      fail(where, std::string("field \"") + key + "\" must be an array of strings");
    }
    std::vector<std::string> out;
    for (const auto& item : *it) {
      if (!item.is_string()) {
        fail(where, std::string("field \"") + key + "\" must be an array of strings");
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  bool boolean(const json& object, const char* key, bool fallback, const std::string& where) const {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      return fallback;
    }
    if (!it->is_boolean()) {
      fail(where, std::string("field \"") + key + "\" must be a boolean");
    }
    return it->get<bool>();
  }

  const json& array(const json& object, const char* key, const std::string& where) const {
    const json& value = member(object, key, where);
    if (!value.is_array()) {
      fail(where, std::string("field \"") + key + "\" must be an array");
    }
    return value;
  }

  model::Platform platform(const std::string& text, const std::string& where) const {
    try {
      return model::Platform::parse(text);
    } catch (const InputError& e) {
      fail(where, e.what());
    }
  }

 private:
  std::string m_origin;
};

DepKind parse_dep_kind(const Reader& reader, const json& value, const std::string& where) {
  if (value.is_null()) {
    return DepKind::normal;
  }
  if (value.is_string()) {
    const auto& kind = value.get_ref<const std::string&>();
    if (kind == "normal") {
      return DepKind::normal;
    }
    if (kind == "dev") {
      return DepKind::dev;
    }
    if (kind == "build") {
      return DepKind::build;
    }
  }
  reader.fail(where, "unknown dependency kind " + value.dump() + " (expected null, \"dev\" or \"build\")");
}

model::Source parse_source(const std::string& source, const std::filesystem::path& manifest_dir,
                           const std::filesystem::path& workspace_root) {
  model::Source out;
  if (source.empty() || source.starts_with("path+")) {
    out.kind = model::Source::Kind::path;
    std::string relative = manifest_dir.lexically_relative(workspace_root).generic_string();
    out.relative_path = relative == "." ? "" : relative;
    return out;
  }
  if (source.starts_with("git+")) {
    out.kind = model::Source::Kind::git;
    std::string rest = source.substr(4);
    auto hash = rest.rfind('#');
    if (hash != std::string::npos) {
      out.rev = rest.substr(hash + 1);
      rest.resize(hash);
    }
    out.url = rest;
    return out;
  }
  out.kind = model::Source::Kind::registry;
  out.url = source;
  return out;
}

model::Target parse_target(const Reader& reader, const json& value, const std::string& where,
                           const std::filesystem::path& manifest_dir) {
  model::Target target;
  target.name = reader.string(value, "name", where);
  std::string target_where = where + ": target \"" + target.name + "\"";
  target.kinds = reader.strings(value, "kind", target_where);
  if (target.kinds.empty()) {
    reader.fail(target_where, "has no kind (cargo always gives at least one)");
  }
  target.crate_types = reader.strings(value, "crate_types", target_where, false);
  if (target.crate_types.empty()) {
    target.crate_types = target.kinds;
  }
  if (target.kinds == std::vector<std::string>{"bin"} && target.crate_types != std::vector<std::string>{"bin"}) {
    reader.fail(target_where, "is a bin target but its crate types are not [\"bin\"]");
  }
  std::filesystem::path src(reader.string(value, "src_path", target_where));
  target.src_path = src.is_absolute() ? src.lexically_relative(manifest_dir).generic_string()
                                      : src.generic_string();
  target.edition = reader.optional_string(value, "edition", target_where);
  if (target.edition.empty()) {
    target.edition = "2015";
  }
  target.required_features = reader.strings(value, "required-features", target_where, false);
  return target;
}

model::DependencyDecl parse_dependency(const Reader& reader, const json& value, const std::string& where) {
  model::DependencyDecl dep;
  dep.package = reader.string(value, "name", where);
  std::string dep_where = where + ": dependency \"" + dep.package + "\"";
  std::string rename = reader.optional_string(value, "rename", dep_where);
  if (!rename.empty()) {
    dep.rename = rename;
  }
  dep.req = reader.optional_string(value, "req", dep_where);
  auto kind = value.find("kind");
  dep.kind = parse_dep_kind(reader, kind == value.end() ? json() : *kind, dep_where);
  std::string platform = reader.optional_string(value, "target", dep_where);
  if (!platform.empty()) {
    dep.platform = reader.platform(platform, dep_where);
  }
  dep.optional = reader.boolean(value, "optional", false, dep_where);
  dep.uses_default_features = reader.boolean(value, "uses_default_features", true, dep_where);
  dep.features = reader.strings(value, "features", dep_where, false);
  if (dep.optional && dep.kind == DepKind::dev) {
    reader.fail(dep_where, "a dev-dependency cannot be optional (cargo rejects such a manifest)");
  }
  return dep;
}

// Cargo gives every optional dependency an implicit feature of its name, unless a feature refers
// to it as "dep:NAME" or a feature of that name is declared.
void add_implicit_features(model::Package& pkg) {
  std::set<std::string> dep_prefixed;
  for (const auto& [name, values] : pkg.features) {
    for (const auto& value : values) {
      if (value.starts_with("dep:")) {
        dep_prefixed.insert(value.substr(4));
      }
    }
  }
  for (const auto& dep : pkg.dependencies) {
    const std::string& name = dep.name_in_toml();
    if (dep.optional && !dep_prefixed.contains(name) && !pkg.features.contains(name)) {
      pkg.features[name] = {"dep:" + name};
    }
  }
}

void validate_features(const Reader& reader, const model::Package& pkg, const std::string& where) {
  std::set<std::string> optional_deps;
  std::set<std::string> dep_names;
  for (const auto& dep : pkg.dependencies) {
    dep_names.insert(dep.name_in_toml());
    if (dep.optional) {
      optional_deps.insert(dep.name_in_toml());
    }
  }
  for (const auto& [name, values] : pkg.features) {
    for (const auto& value : values) {
      std::string feature_where = where + ": feature \"" + name + "\"";
      if (value == name) {
        reader.fail(feature_where, "includes itself");
      }
      if (value.starts_with("dep:")) {
        if (!optional_deps.contains(value.substr(4))) {
          reader.fail(feature_where, "refers to \"" + value + "\" but no optional dependency has that name");
        }
      } else if (auto slash = value.find('/'); slash != std::string::npos) {
        std::string dep = value.substr(0, slash);
        if (dep.ends_with("?")) {
          dep.pop_back();
        }
        if (!dep_names.contains(dep)) {
          reader.fail(feature_where, "refers to \"" + value + "\" but \"" + dep + "\" is not a dependency");
        }
      } else if (!pkg.features.contains(value)) {
        reader.fail(feature_where, "includes \"" + value + "\", which is neither a feature nor an optional dependency");
      }
    }
  }
}

void validate_targets(const Reader& reader, const model::Package& pkg, const std::string& where) {
  int libs = 0;
  for (const auto& target : pkg.targets) {
    libs += target.is_lib() ? 1 : 0;
  }
  if (libs > 1) {
    reader.fail(where, "has " + std::to_string(libs) + " library targets (a package has at most one)");
  }
}

// Keys are "name@version"; a name@version held by two sources gets a source-hash suffix.
void assign_keys(std::vector<model::Package>& packages) {
  std::map<std::string, int> counts;
  for (const auto& pkg : packages) {
    ++counts[pkg.name + "@" + pkg.version];
  }
  for (auto& pkg : packages) {
    pkg.key = pkg.name + "@" + pkg.version;
    if (counts[pkg.key] > 1) {
      Hasher hasher;
      hasher.field("kind", static_cast<int64_t>(pkg.source.kind))
          .field("url", pkg.source.url)
          .field("rev", pkg.source.rev)
          .field("path", pkg.source.relative_path);
      pkg.key += "#" + hasher.hex_digest().substr(0, 8);
    }
  }
}

void parse_resolve(const Reader& reader, const json& resolve, model::Workspace& ws) {
  const json& nodes = reader.array(resolve, "nodes", "resolve");
  for (size_t i = 0; i < nodes.size(); ++i) {
    std::string where = "resolve.nodes[" + std::to_string(i) + "]";
    std::string id = reader.string(nodes[i], "id", where);
    if (ws.find_package(id) == nullptr) {
      reader.fail(where, "node \"" + id + "\" is not among the packages");
    }
    std::vector<model::ResolvedDep> edges;
    auto deps = nodes[i].find("deps");
    if (deps != nodes[i].end() && deps->is_array()) {
      for (size_t j = 0; j < deps->size(); ++j) {
        const json& dep = (*deps)[j];
        std::string dep_where = where + ".deps[" + std::to_string(j) + "]";
        model::ResolvedDep edge;
        edge.package_id = reader.string(dep, "pkg", dep_where);
        edge.extern_name = reader.string(dep, "name", dep_where);
        if (ws.find_package(edge.package_id) == nullptr) {
          reader.fail(dep_where, "dependency \"" + edge.package_id + "\" is not among the packages");
        }
        auto kinds = dep.find("dep_kinds");
        if (kinds != dep.end() && kinds->is_array()) {
          for (const auto& kind : *kinds) {
            DepKind dep_kind = parse_dep_kind(reader, kind.value("kind", json()), dep_where);
            std::optional<model::Platform> platform;
            std::string text = reader.optional_string(kind, "target", dep_where);
            if (!text.empty()) {
              platform = reader.platform(text, dep_where);
            }
            edge.kinds.emplace_back(dep_kind, std::move(platform));
          }
        }
        edges.push_back(std::move(edge));
      }
    } else {
      // Metadata older than cargo 1.41 lists bare ids: assume every declared kind applies.
      for (const auto& dep_id : reader.strings(nodes[i], "dependencies", where)) {
        const model::Package& dep_pkg = ws.package(dep_id);
        model::ResolvedDep edge;
        edge.package_id = dep_id;
        const model::Target* lib = dep_pkg.lib_target();
        edge.extern_name = lib != nullptr ? lib->crate_name() : dep_pkg.name;
        edges.push_back(std::move(edge));
      }
    }
    std::ranges::sort(edges, {}, &model::ResolvedDep::package_id);
    ws.resolve[id] = std::move(edges);
  }
}

}  // namespace

model::Workspace parse_metadata(std::string_view text, const std::string& origin) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    auto colon = what.rfind(": ");
    throw InputError(location_of(origin, text, e.byte == 0 ? 0 : e.byte - 1) +
                     ": invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
  }
  Reader reader(origin);
  if (!doc.is_object()) {
    reader.fail("top level", "expected a JSON object from cargo metadata");
  }
  auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer() || version->get<int>() != 1) {
    reader.fail("version", "unsupported metadata format version " +
                               (version == doc.end() ? std::string("(missing)") : version->dump()) +
                               " (expected 1: run cargo metadata --format-version 1)");
  }

  model::Workspace ws;
  ws.workspace_root = reader.string(doc, "workspace_root", "top level");
  std::filesystem::path root(ws.workspace_root);
  const json& packages = reader.array(doc, "packages", "top level");
  std::set<std::string> seen_ids;
  for (size_t i = 0; i < packages.size(); ++i) {
    const json& value = packages[i];
    std::string where = "packages[" + std::to_string(i) + "]";
    model::Package pkg;
    pkg.id = reader.string(value, "id", where);
    pkg.name = reader.string(value, "name", where);
    pkg.version = reader.string(value, "version", where);
    where += " (" + pkg.name + " " + pkg.version + ")";
    if (!seen_ids.insert(pkg.id).second) {
      reader.fail(where, "duplicate package id");
    }
    std::filesystem::path manifest(reader.string(value, "manifest_path", where));
    pkg.manifest_dir = manifest.parent_path().string();
    pkg.source = parse_source(reader.optional_string(value, "source", where), manifest.parent_path(), root);
    pkg.edition = reader.optional_string(value, "edition", where);
    if (pkg.edition.empty()) {
      pkg.edition = "2015";
    }
    std::string links = reader.optional_string(value, "links", where);
    if (!links.empty()) {
      pkg.links = links;
    }
    for (const auto& dep : reader.array(value, "dependencies", where)) {
      pkg.dependencies.push_back(parse_dependency(reader, dep, where));
    }
    const json& features = reader.member(value, "features", where);
    if (!features.is_object()) {
      reader.fail(where, "field \"features\" must be an object");
    }
    for (const auto& [name, list] : features.items()) {
      pkg.features[name] = reader.strings(features, name.c_str(), where);
    }
    for (const auto& target : reader.array(value, "targets", where)) {
      pkg.targets.push_back(parse_target(reader, target, where, manifest.parent_path()));
    }
    validate_targets(reader, pkg, where);
    add_implicit_features(pkg);
    validate_features(reader, pkg, where);
    pkg.info.authors = reader.strings(value, "authors", where, false);
    pkg.info.description = reader.optional_string(value, "description", where);
    pkg.info.homepage = reader.optional_string(value, "homepage", where);
    pkg.info.repository = reader.optional_string(value, "repository", where);
    pkg.info.license = reader.optional_string(value, "license", where);
    pkg.info.license_file = reader.optional_string(value, "license_file", where);
    pkg.info.readme = reader.optional_string(value, "readme", where);
    pkg.info.rust_version = reader.optional_string(value, "rust_version", where);
    ws.packages.push_back(std::move(pkg));
  }
  assign_keys(ws.packages);
  std::ranges::sort(ws.packages, {}, &model::Package::key);
  for (size_t i = 0; i < ws.packages.size(); ++i) {
    ws.index_by_id[ws.packages[i].id] = i;
  }

  ws.members = reader.strings(doc, "workspace_members", "top level");
  std::set<std::string> member_names;
  for (const auto& id : ws.members) {
    const model::Package* pkg = ws.find_package(id);
    if (pkg == nullptr) {
      reader.fail("workspace_members", "member \"" + id + "\" is not among the packages");
    }
    if (!member_names.insert(pkg->name).second) {
      reader.fail("workspace_members", "two members are named \"" + pkg->name + "\" (names must be unique in a workspace)");
    }
    ws.packages[ws.index_by_id[id]].is_member = true;
  }
  ws.default_members = reader.strings(doc, "workspace_default_members", "top level", false);
  for (const auto& id : ws.default_members) {
    if (std::ranges::find(ws.members, id) == ws.members.end()) {
      reader.fail("workspace_default_members", "\"" + id + "\" is not a workspace member");
    }
  }
  auto resolve = doc.find("resolve");
  if (resolve == doc.end() || resolve->is_null()) {
    reader.fail("resolve", "missing: the metadata has no dependency graph (do not pass --no-deps)");
  }
  parse_resolve(reader, *resolve, ws);
  std::string root_id = reader.optional_string(*resolve, "root", "resolve");
  if (!root_id.empty()) {
    ws.root_package = root_id;
  }
  std::ranges::sort(ws.members, {}, [&ws](const std::string& id) { return ws.package(id).key; });
  std::ranges::sort(ws.default_members, {}, [&ws](const std::string& id) { return ws.package(id).key; });
  return ws;
}

}  // namespace recipe::cargo
