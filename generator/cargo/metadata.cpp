#include "generator/cargo/metadata.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "generator/cargo/json_document.hpp"
#include "generator/cargo/where.hpp"
#include "generator/support/error.hpp"
#include "generator/support/hash.hpp"

namespace recipe::cargo {

namespace {

using Json = nlohmann::json;
using model::DepKind;

// The member `key` of `object`, or null when it has none or is not an object.
const Json* find(const Json& object, std::string_view key) {
  if (!object.is_object()) {
    return nullptr;
  }
  auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

// Accessors that turn a schema violation into an InputError naming the element and the field. A
// missing member, or one of a value that is not an object, reads as absent.
class Reader {
 public:
  explicit Reader(std::string origin) : m_origin(std::move(origin)) {}

  [[noreturn]] void fail(const Where& where, const std::string& what) const {
    throw InputError(m_origin + ": " + where.text() + ": " + what);
  }

  const Json& member(const Json& object, const char* key, const Where& where) const {
    if (!object.is_object()) {
      fail(where, "expected an object");
    }
    const Json* value = find(object, key);
    if (value == nullptr) {
      fail(where, std::string("missing field \"") + key + "\"");
    }
    return *value;
  }

  std::string string(const Json& object, const char* key, const Where& where) const {
    const Json& value = member(object, key, where);
    if (!value.is_string()) {
      fail(where, std::string("field \"") + key + "\" must be a string");
    }
    return string_of(value, key, where);
  }

  // Absent or null gives "".
  std::string optional_string(const Json& object, const char* key, const Where& where) const {
    const Json* value = find(object, key);
    if (value == nullptr || value->is_null()) {
      return {};
    }
    if (!value->is_string()) {
      fail(where, std::string("field \"") + key + "\" must be a string or null");
    }
    return string_of(*value, key, where);
  }

  std::vector<std::string> strings(const Json& object, const char* key, const Where& where,
                                   bool required = true) const {
    return strings_of(find(object, key), key, where, required);
  }

  // `strings` of a member already looked up.
  std::vector<std::string> strings_of(const Json* value, const std::string& key, const Where& where,
                                      bool required = true) const {
    if (value == nullptr || value->is_null()) {
      if (required) {
        fail(where, "missing field \"" + key + "\"");
      }
      return {};
    }
    if (!value->is_array()) {
      fail(where, "field \"" + key + "\" must be an array of strings");
    }
    std::vector<std::string> out;
    out.reserve(value->size());
    for (const Json& item : *value) {
      if (!item.is_string()) {
        fail(where, "field \"" + key + "\" must be an array of strings");
      }
      out.push_back(string_of(item, key, where));
    }
    return out;
  }

  bool boolean(const Json& object, const char* key, bool fallback, const Where& where) const {
    const Json* value = find(object, key);
    if (value == nullptr || value->is_null()) {
      return fallback;
    }
    if (!value->is_boolean()) {
      fail(where, std::string("field \"") + key + "\" must be a boolean");
    }
    return value->get<bool>();
  }

  const Json& array(const Json& object, const char* key, const Where& where) const {
    const Json& value = member(object, key, where);
    if (!value.is_array()) {
      fail(where, std::string("field \"") + key + "\" must be an array");
    }
    return value;
  }

  // A JSON string as a std::string. Cargo's strings never hold a NUL byte (names, versions and
  // paths cannot), and one would end a C string wherever a recipe or a tool reads it: refused.
  std::string string_of(const Json& value, std::string_view key, const Where& where) const {
    const std::string& text = value.get_ref<const std::string&>();
    if (text.find('\0') != std::string::npos) {
      fail(where, "field \"" + std::string(key) + "\" holds a NUL byte");
    }
    return text;
  }

  model::Platform platform(const std::string& text, const Where& where) const {
    try {
      return model::Platform::parse(text);
    } catch (const InputError& e) {
      fail(where, e.what());
    }
  }

 private:
  std::string m_origin;
};

// The problems of elements read one after another (packages, resolve nodes): each element's
// first, so that one run names them all.
class Problems {
 public:
  // Run `read`, keeping the InputError it throws; true when it threw none.
  bool collect(const std::function<void()>& read) {
    try {
      read();
      return true;
    } catch (const InputError& e) {
      m_lines.push_back(e.what());
      return false;
    }
  }

  // Throws one InputError naming every problem, one per line, if there were any.
  void check() const {
    if (m_lines.empty()) {
      return;
    }
    std::string message = m_lines.front();
    for (size_t i = 1; i < m_lines.size(); ++i) {
      message += "\n" + m_lines[i];
    }
    throw InputError(message);
  }

 private:
  std::vector<std::string> m_lines;
};

// An absent kind is a normal one.
DepKind parse_dep_kind(const Reader& reader, const Json* value, const Where& where) {
  if (value == nullptr || value->is_null()) {
    return DepKind::normal;
  }
  if (value->is_string()) {
    const std::string& kind = value->get_ref<const std::string&>();
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
  reader.fail(where, "unknown dependency kind " + value->dump() + " (expected null, \"dev\" or \"build\")");
}

// True for "a/b": at least one part, none empty, "." or "..".
bool is_plain_relative(std::string_view path) {
  if (path.empty()) {
    return false;
  }
  for (size_t start = 0; start <= path.size();) {
    size_t end = std::min(path.find('/', start), path.size());
    std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") {
      return false;
    }
    start = end + 1;
  }
  return true;
}

// `path` relative to the directory `base`, exactly as std::filesystem's
// lexically_relative(base).generic_string() spells it. Cargo's paths are plain absolute ones, for
// which that is cutting off `base`: done by hand, as std::filesystem allocates for every part
// and this runs for every target.
std::string relative_path(std::string_view path, std::string_view base) {
  if (base.starts_with('/') && is_plain_relative(base.substr(1)) && path.starts_with(base)) {
    std::string_view rest = path.substr(base.size());
    if (rest.empty()) {
      return ".";
    }
    if (rest.starts_with('/') && is_plain_relative(rest.substr(1))) {
      return std::string(rest.substr(1));
    }
  }
  return std::filesystem::path(path).lexically_relative(base).generic_string();
}

// The directory of the file `path`, as std::filesystem's parent_path() gives it; by hand for
// plain absolute paths, like relative_path().
std::string parent_dir(std::string_view path) {
  if (path.starts_with('/') && is_plain_relative(path.substr(1))) {
    size_t slash = path.rfind('/');
    return std::string(slash == 0 ? path.substr(0, 1) : path.substr(0, slash));
  }
  return std::filesystem::path(path).parent_path().string();
}

model::Source parse_source(const std::string& source, const std::string& manifest_dir,
                           const std::string& workspace_root) {
  model::Source out;
  if (source.empty() || source.starts_with("path+")) {
    out.kind = model::Source::Kind::path;
    std::string relative = relative_path(manifest_dir, workspace_root);
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

model::Target parse_target(const Reader& reader, const Json& value, const Where& where,
                           const std::string& manifest_dir) {
  model::Target target;
  target.name = reader.string(value, "name", where);
  Where target_where(where, "target", target.name);
  target.kinds = reader.strings(value, "kind", target_where);
  if (target.kinds.empty()) {
    reader.fail(target_where, "has no kind (cargo always gives at least one)");
  }
  target.crate_types = reader.strings(value, "crate_types", target_where, false);
  if (target.crate_types.empty()) {
    target.crate_types = target.kinds;
  }
  auto only_bin = [](const std::vector<std::string>& list) { return list.size() == 1 && list.front() == "bin"; };
  if (only_bin(target.kinds) && !only_bin(target.crate_types)) {
    reader.fail(target_where, "is a bin target but its crate types are not [\"bin\"]");
  }
  std::string src = reader.string(value, "src_path", target_where);
  target.src_path =
      src.starts_with('/') ? relative_path(src, manifest_dir) : std::filesystem::path(src).generic_string();
  target.edition = reader.optional_string(value, "edition", target_where);
  if (target.edition.empty()) {
    target.edition = "2015";
  }
  target.required_features = reader.strings(value, "required-features", target_where, false);
  return target;
}

model::DependencyDecl parse_dependency(const Reader& reader, const Json& value, const Where& where) {
  model::DependencyDecl dep;
  dep.package = reader.string(value, "name", where);
  Where dep_where(where, "dependency", dep.package);
  std::string rename = reader.optional_string(value, "rename", dep_where);
  if (!rename.empty()) {
    dep.rename = rename;
  }
  dep.req = reader.optional_string(value, "req", dep_where);
  dep.kind = parse_dep_kind(reader, find(value, "kind"), dep_where);
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

void validate_features(const Reader& reader, const model::Package& pkg, const Where& where) {
  std::set<std::string> optional_deps;
  std::set<std::string> dep_names;
  for (const auto& dep : pkg.dependencies) {
    dep_names.insert(dep.name_in_toml());
    if (dep.optional) {
      optional_deps.insert(dep.name_in_toml());
    }
  }
  for (const auto& feature : pkg.features) {
    const auto& [name, values] = feature;  // clang 14 cannot capture a structured binding
    auto fail = [&](const std::string& what) { reader.fail(Where(where, "feature", feature.first), what); };
    for (const auto& value : values) {
      if (value == name) {
        fail("includes itself");
      }
      if (value.starts_with("dep:")) {
        if (!optional_deps.contains(value.substr(4))) {
          fail("refers to \"" + value + "\" but no optional dependency has that name");
        }
      } else if (auto slash = value.find('/'); slash != std::string::npos) {
        std::string dep = value.substr(0, slash);
        if (dep.ends_with("?")) {
          dep.pop_back();
        }
        if (!dep_names.contains(dep)) {
          fail("refers to \"" + value + "\" but \"" + dep + "\" is not a dependency");
        }
      } else if (!pkg.features.contains(value)) {
        fail("includes \"" + value + "\", which is neither a feature nor an optional dependency");
      }
    }
  }
}

void validate_targets(const Reader& reader, const model::Package& pkg, const Where& where) {
  int libs = 0;
  // The planner tells targets apart by (name, kind), as cargo does, which refuses repeats.
  std::set<std::pair<std::string_view, std::string_view>> kinds_and_names;
  for (const auto& target : pkg.targets) {
    libs += target.is_lib() ? 1 : 0;
    for (const auto& kind : target.kinds) {
      if (!kinds_and_names.emplace(kind, target.name).second) {
        reader.fail(where,
                    "has two " + kind + " targets named \"" + target.name + "\" (cargo rejects such a manifest)");
      }
    }
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

// One node of the resolve graph: its package id and edges.
std::pair<std::string, std::vector<model::ResolvedDep>> parse_resolve_node(const Reader& reader, const Json& node,
                                                                           size_t index, const model::Workspace& ws) {
  Where where("resolve.nodes", index);
  std::string id = reader.string(node, "id", where);
  if (ws.find_package(id) == nullptr) {
    reader.fail(where, "node \"" + id + "\" is not among the packages");
  }
  std::vector<model::ResolvedDep> edges;
  const Json* deps = find(node, "deps");
  if (deps != nullptr && deps->is_array()) {
    edges.reserve(deps->size());
    size_t j = 0;
    for (const Json& dep : *deps) {
      Where dep_where(where, "deps", j++);
      model::ResolvedDep edge;
      edge.package_id = reader.string(dep, "pkg", dep_where);
      edge.extern_name = reader.string(dep, "name", dep_where);
      if (ws.find_package(edge.package_id) == nullptr) {
        reader.fail(dep_where, "dependency \"" + edge.package_id + "\" is not among the packages");
      }
      const Json* kinds = find(dep, "dep_kinds");
      if (kinds != nullptr && !kinds->is_null() && !kinds->is_array()) {
        reader.fail(dep_where, "field \"dep_kinds\" must be an array of objects");
      }
      static const Json k_no_kinds = Json::array();
      const Json& kind_list = kinds != nullptr && kinds->is_array() ? *kinds : k_no_kinds;
      size_t k = 0;
      for (const Json& kind : kind_list) {
        Where kind_where(dep_where, "dep_kinds", k++);
        if (!kind.is_object()) {
          reader.fail(kind_where, "expected an object");
        }
        DepKind dep_kind = parse_dep_kind(reader, find(kind, "kind"), kind_where);
        std::optional<model::Platform> platform;
        std::string text = reader.optional_string(kind, "target", kind_where);
        if (!text.empty()) {
          platform = reader.platform(text, kind_where);
        }
        edge.kinds.emplace_back(dep_kind, std::move(platform));
      }
      edges.push_back(std::move(edge));
    }
  } else {
    // Metadata older than cargo 1.41 lists bare ids: assume every declared kind applies.
    for (const auto& dep_id : reader.strings(node, "dependencies", where)) {
      const model::Package* dep_pkg = ws.find_package(dep_id);
      if (dep_pkg == nullptr) {
        reader.fail(where, "dependency \"" + dep_id + "\" is not among the packages");
      }
      model::ResolvedDep edge;
      edge.package_id = dep_id;
      const model::Target* lib = dep_pkg->lib_target();
      edge.extern_name = lib != nullptr ? lib->crate_name() : dep_pkg->name;
      edges.push_back(std::move(edge));
    }
  }
  std::ranges::sort(edges, {}, &model::ResolvedDep::package_id);
  return {std::move(id), std::move(edges)};
}

// The dependency graph: cargo lists one node for each package, and so must the input (a package
// without a node would be planned as having no dependencies).
void parse_resolve(const Reader& reader, const Json& resolve, model::Workspace& ws) {
  const Json& nodes = reader.array(resolve, "nodes", "resolve");
  Problems problems;
  size_t index = 0;
  for (const Json& node : nodes) {
    problems.collect([&] {
      auto [id, edges] = parse_resolve_node(reader, node, index, ws);
      if (!ws.resolve.emplace(id, std::move(edges)).second) {
        reader.fail(Where("resolve.nodes", index), "a second node for \"" + id + "\"");
      }
    });
    ++index;
  }
  problems.check();
  auto without_node = [&ws](const model::Package& pkg) { return !ws.resolve.contains(pkg.id); };
  auto first = std::ranges::find_if(ws.packages, without_node);
  if (first != ws.packages.end()) {
    size_t count = std::ranges::count_if(ws.packages, without_node);
    reader.fail("resolve.nodes", "package \"" + first->id + "\"" +
                                     (count > 1 ? " and " + std::to_string(count - 1) + " more have" : " has") +
                                     " no node (cargo metadata lists one per package)");
  }
}

// True for the integer 1, the one format version there is (1.0, or 2^32 + 1, is not).
bool is_version_one(const Json* value) {
  return value != nullptr && value->is_number_integer() && value->get<int64_t>() == 1;
}

// The tables of `[package.metadata]` or `[workspace.metadata]` that cargo-recipe reads (its own
// and cargo-green's), as JSON text; "" when there are none. Other tools' tables are not kept.
std::string tool_metadata(const Json* metadata) {
  if (metadata == nullptr || !metadata->is_object()) {
    return "";
  }
  Json kept = Json::object();
  for (const char* key : {"green", "recipe"}) {
    if (const Json* table = find(*metadata, key)) {
      kept[key] = *table;
    }
  }
  return kept.empty() ? "" : kept.dump();
}

// The fields that identify a package; read before anything else, as the duplicate check needs them.
// Until they are, the package is "packages[3]"; then "packages[3] (serde 1.0.0)".
void read_package_identity(const Reader& reader, const Json& value, size_t index, model::Package& pkg) {
  Where where("packages", index);
  pkg.id = reader.string(value, "id", where);
  pkg.name = reader.string(value, "name", where);
  pkg.version = reader.string(value, "version", where);
}

void read_package_rest(const Reader& reader, const Json& value, size_t index, const std::string& workspace_root,
                       model::Package& pkg) {
  Where where("packages", index, pkg.name, pkg.version);
  pkg.manifest_dir = parent_dir(reader.string(value, "manifest_path", where));
  pkg.source = parse_source(reader.optional_string(value, "source", where), pkg.manifest_dir, workspace_root);
  pkg.edition = reader.optional_string(value, "edition", where);
  if (pkg.edition.empty()) {
    pkg.edition = "2015";
  }
  pkg.metadata = tool_metadata(find(value, "metadata"));
  std::string links = reader.optional_string(value, "links", where);
  if (!links.empty()) {
    pkg.links = links;
  }
  const Json& dependencies = reader.array(value, "dependencies", where);
  pkg.dependencies.reserve(dependencies.size());
  for (const Json& dep : dependencies) {
    pkg.dependencies.push_back(parse_dependency(reader, dep, where));
  }
  const Json& features = reader.member(value, "features", where);
  if (!features.is_object()) {
    reader.fail(where, "field \"features\" must be an object");
  }
  for (const auto& [name, list] : features.items()) {
    if (name.find('\0') != std::string::npos) {
      reader.fail(where, "a feature name holds a NUL byte");
    }
    pkg.features[name] = reader.strings_of(&list, name, where);
  }
  const Json& targets = reader.array(value, "targets", where);
  pkg.targets.reserve(targets.size());
  for (const Json& target : targets) {
    pkg.targets.push_back(parse_target(reader, target, where, pkg.manifest_dir));
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
}

// Every package, in document order; a repeated package id is refused. Each package's first
// problem is reported, all at once: per package, its identity fields, then a duplicate id, then
// the rest.
std::vector<model::Package> parse_packages(const Reader& reader, const Json& values,
                                           const std::string& workspace_root) {
  std::vector<model::Package> packages;
  packages.reserve(values.size());
  std::set<std::string> seen_ids;
  Problems problems;
  size_t index = 0;
  for (const Json& value : values) {
    model::Package pkg;
    bool whole = problems.collect([&] {
      read_package_identity(reader, value, index, pkg);
      if (!seen_ids.insert(pkg.id).second) {
        reader.fail(Where("packages", index, pkg.name, pkg.version), "duplicate package id");
      }
      read_package_rest(reader, value, index, workspace_root, pkg);
    });
    if (whole) {
      packages.push_back(std::move(pkg));
    }
    ++index;
  }
  problems.check();
  return packages;
}

}  // namespace

model::Workspace parse_metadata(std::string_view text, const std::string& origin) {
  Json doc = parse_json(text, origin);
  Reader reader(origin);
  if (!doc.is_object()) {
    reader.fail("top level", "expected a JSON object from cargo metadata");
  }
  const Json* version = find(doc, "version");
  if (!is_version_one(version)) {
    reader.fail("version", "unsupported metadata format version " +
                               (version != nullptr ? version->dump() : std::string("(missing)")) +
                               " (expected 1: run cargo metadata --format-version 1)");
  }
  model::Workspace ws;
  ws.workspace_root = reader.string(doc, "workspace_root", "top level");
  ws.metadata = tool_metadata(find(doc, "metadata"));
  ws.packages = parse_packages(reader, reader.array(doc, "packages", "top level"), ws.workspace_root);
  assign_keys(ws.packages);
  std::ranges::sort(ws.packages, {}, &model::Package::key);
  for (size_t index = 0; index < ws.packages.size(); ++index) {
    ws.index_by_id[ws.packages[index].id] = index;
  }

  ws.members = reader.strings(doc, "workspace_members", "top level");
  std::set<std::string> member_names;
  for (const auto& id : ws.members) {
    const model::Package* pkg = ws.find_package(id);
    if (pkg == nullptr) {
      reader.fail("workspace_members", "member \"" + id + "\" is not among the packages");
    }
    if (!member_names.insert(pkg->name).second) {
      reader.fail("workspace_members",
                  "two members are named \"" + pkg->name + "\" (names must be unique in a workspace)");
    }
    ws.packages[ws.index_by_id[id]].is_member = true;
  }
  ws.default_members = reader.strings(doc, "workspace_default_members", "top level", false);
  for (const auto& id : ws.default_members) {
    if (std::ranges::find(ws.members, id) == ws.members.end()) {
      reader.fail("workspace_default_members", "\"" + id + "\" is not a workspace member");
    }
  }
  const Json* resolve = find(doc, "resolve");
  if (resolve == nullptr || resolve->is_null()) {
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
