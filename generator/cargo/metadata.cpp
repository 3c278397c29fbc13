#include "generator/cargo/metadata.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "generator/cargo/json_document.hpp"
#include "generator/cargo/where.hpp"
#include "generator/support/error.hpp"
#include "generator/support/for_each_index.hpp"
#include "generator/support/hash.hpp"

namespace recipe::cargo {

namespace {

using Json = simdjson::dom::element;
using JsonArray = simdjson::dom::array;
using model::DepKind;

std::string string_of(Json value) {
  return std::string(value.get_string().value_unsafe());
}

// Accessors that turn a schema violation into an InputError naming the element. A missing
// member, or one of a value that is not an object, reads as absent (as nlohmann's find() had it).
class Reader {
 public:
  explicit Reader(std::string origin) : m_origin(std::move(origin)) {}

  [[noreturn]] void fail(const Where& where, const std::string& what) const {
    throw InputError(m_origin + ": " + where.text() + ": " + what);
  }

  Json member(const JsonObject& object, const char* key, const Where& where) const {
    if (!object.is_object()) {
      fail(where, "expected an object");
    }
    std::optional<Json> value = object.find(key);
    if (!value) {
      fail(where, std::string("missing field \"") + key + "\"");
    }
    return *value;
  }

  std::string string(const JsonObject& object, const char* key, const Where& where) const {
    Json value = member(object, key, where);
    if (!value.is_string()) {
      fail(where, std::string("field \"") + key + "\" must be a string");
    }
    return string_of(value);
  }

  // Absent or null gives "".
  std::string optional_string(const JsonObject& object, const char* key, const Where& where) const {
    std::optional<Json> value = object.find(key);
    if (!value || value->is_null()) {
      return {};
    }
    if (!value->is_string()) {
      fail(where, std::string("field \"") + key + "\" must be a string or null");
    }
    return string_of(*value);
  }

  std::vector<std::string> strings(const JsonObject& object, const char* key, const Where& where,
                                   bool required = true) const {
    return strings_of(object.find(key), key, where, required);
  }

  // `strings` of a member already looked up.
  std::vector<std::string> strings_of(std::optional<Json> value, const char* key, const Where& where,
                                      bool required = true) const {
    if (!value || value->is_null()) {
      if (required) {
        fail(where, std::string("missing field \"") + key + "\"");
      }
      return {};
    }
    if (!value->is_array()) {
      fail(where, std::string("field \"") + key + "\" must be an array of strings");
    }
    JsonArray items(*value);
    std::vector<std::string> out;
    out.reserve(items.size());
    for (Json item : items) {
      if (!item.is_string()) {
        fail(where, std::string("field \"") + key + "\" must be an array of strings");
      }
      out.push_back(string_of(item));
    }
    return out;
  }

  bool boolean(const JsonObject& object, const char* key, bool fallback, const Where& where) const {
    std::optional<Json> value = object.find(key);
    if (!value || value->is_null()) {
      return fallback;
    }
    if (!value->is_bool()) {
      fail(where, std::string("field \"") + key + "\" must be a boolean");
    }
    return value->get_bool().value_unsafe();
  }

  JsonArray array(const JsonObject& object, const char* key, const Where& where) const {
    Json value = member(object, key, where);
    if (!value.is_array()) {
      fail(where, std::string("field \"") + key + "\" must be an array");
    }
    return JsonArray(value);
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

// An absent kind is a normal one.
DepKind parse_dep_kind(const Reader& reader, std::optional<Json> value, const Where& where) {
  if (!value || value->is_null()) {
    return DepKind::normal;
  }
  if (value->is_string()) {
    std::string_view kind = value->get_string().value_unsafe();
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
  reader.fail(where, "unknown dependency kind " + to_nlohmann(*value).dump() +
                         " (expected null, \"dev\" or \"build\")");
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

model::Target parse_target(const Reader& reader, const JsonObject& value, const Where& where,
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
  target.src_path = src.starts_with('/') ? relative_path(src, manifest_dir)
                                         : std::filesystem::path(src).generic_string();
  target.edition = reader.optional_string(value, "edition", target_where);
  if (target.edition.empty()) {
    target.edition = "2015";
  }
  target.required_features = reader.strings(value, "required-features", target_where, false);
  return target;
}

model::DependencyDecl parse_dependency(const Reader& reader, const JsonObject& value, const Where& where) {
  model::DependencyDecl dep;
  dep.package = reader.string(value, "name", where);
  Where dep_where(where, "dependency", dep.package);
  std::string rename = reader.optional_string(value, "rename", dep_where);
  if (!rename.empty()) {
    dep.rename = rename;
  }
  dep.req = reader.optional_string(value, "req", dep_where);
  dep.kind = parse_dep_kind(reader, value.find("kind"), dep_where);
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

// The members of the `features` object in the order nlohmann's std::map held them: sorted by name,
// only the last of a repeated name. The first invalid feature in that order is the one reported.
std::vector<JsonObject::Member> features_by_name(const JsonObject& features) {
  std::vector<JsonObject::Member> members = features.members();
  std::ranges::stable_sort(members, {}, &JsonObject::Member::first);
  std::vector<JsonObject::Member> unique;
  unique.reserve(members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    if (i + 1 == members.size() || members[i + 1].first != members[i].first) {
      unique.push_back(members[i]);
    }
  }
  return unique;
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
  for (const auto& [name, values] : pkg.features) {
    auto fail = [&](const std::string& what) { reader.fail(Where(where, "feature", name), what); };
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
        reader.fail(where, "has two " + kind + " targets named \"" + target.name + "\" (cargo rejects such a manifest)");
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

// The kind of one `dep_kinds` entry. nlohmann's value() threw a type_error (reported as an internal
// error) for an entry that is not an object: nlohmann is asked again so that it still does.
DepKind parse_edge_kind(const Reader& reader, Json value, const JsonObject& entry, const Where& where) {
  if (!entry.is_object()) {
    to_nlohmann(value).value("kind", nlohmann::json());
  }
  return parse_dep_kind(reader, entry.find("kind"), where);
}

// One node of the resolve graph: its package id and edges.
std::pair<std::string, std::vector<model::ResolvedDep>> parse_resolve_node(const Reader& reader, Json node_value,
                                                                           size_t index, const model::Workspace& ws) {
  JsonObject node(node_value);
  Where where("resolve.nodes", index);
  std::string id = reader.string(node, "id", where);
  if (ws.find_package(id) == nullptr) {
    reader.fail(where, "node \"" + id + "\" is not among the packages");
  }
  std::vector<model::ResolvedDep> edges;
  std::optional<Json> deps = node.find("deps");
  if (deps && deps->is_array()) {
    JsonArray dep_values(*deps);
    edges.reserve(dep_values.size());
    size_t j = 0;
    for (Json dep_value : dep_values) {
      JsonObject dep(dep_value);
      Where dep_where(where, "deps", j++);
      model::ResolvedDep edge;
      edge.package_id = reader.string(dep, "pkg", dep_where);
      edge.extern_name = reader.string(dep, "name", dep_where);
      if (ws.find_package(edge.package_id) == nullptr) {
        reader.fail(dep_where, "dependency \"" + edge.package_id + "\" is not among the packages");
      }
      std::optional<Json> kinds = dep.find("dep_kinds");
      if (kinds && kinds->is_array()) {
        for (Json kind_value : JsonArray(*kinds)) {
          JsonObject kind(kind_value);
          DepKind dep_kind = parse_edge_kind(reader, kind_value, kind, dep_where);
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
    for (const auto& dep_id : reader.strings(node, "dependencies", where)) {
      const model::Package& dep_pkg = ws.package(dep_id);
      model::ResolvedDep edge;
      edge.package_id = dep_id;
      const model::Target* lib = dep_pkg.lib_target();
      edge.extern_name = lib != nullptr ? lib->crate_name() : dep_pkg.name;
      edges.push_back(std::move(edge));
    }
  }
  std::ranges::sort(edges, {}, &model::ResolvedDep::package_id);
  return {std::move(id), std::move(edges)};
}

// The nodes read on two threads (they are independent), then recorded in order: for a repeated
// id, the last node counts.
void parse_resolve(const Reader& reader, const JsonObject& resolve, model::Workspace& ws) {
  JsonArray node_array = reader.array(resolve, "nodes", "resolve");
  std::vector<Json> node_values(node_array.begin(), node_array.end());
  std::vector<std::pair<std::string, std::vector<model::ResolvedDep>>> nodes(node_values.size());
  for_each_index(node_values.size(), [&](size_t index) {
    nodes[index] = parse_resolve_node(reader, node_values[index], index, ws);
    return true;
  });
  for (auto& [id, edges] : nodes) {
    ws.resolve[id] = std::move(edges);
  }
}

// The format version as nlohmann's get<int>() read it: an integer, truncated to int.
std::optional<int> integer_version(std::optional<Json> value) {
  if (value && value->type() == simdjson::dom::element_type::INT64) {
    return static_cast<int>(value->get_int64().value_unsafe());
  }
  if (value && value->type() == simdjson::dom::element_type::UINT64) {
    return static_cast<int>(value->get_uint64().value_unsafe());
  }
  return std::nullopt;
}

// The tables of `[package.metadata]` or `[workspace.metadata]` that cargo-recipe reads (its own
// and cargo-green's), as JSON text; "" when there are none. Other tools' tables are not kept.
std::string tool_metadata(std::optional<Json> metadata) {
  if (!metadata || !metadata->is_object()) {
    return "";
  }
  nlohmann::json kept = nlohmann::json::object();
  JsonObject tables(*metadata);
  for (const auto& [key, value] : tables.members()) {
    if (key == "recipe" || key == "green") {
      kept[std::string(key)] = to_nlohmann(value);
    }
  }
  return kept.empty() ? "" : kept.dump();
}

// The fields that identify a package; read before anything else, as the duplicate check needs them.
// Until they are, the package is "packages[3]"; then "packages[3] (serde 1.0.0)".
void read_package_identity(const Reader& reader, const JsonObject& value, size_t index, model::Package& pkg) {
  Where where("packages", index);
  pkg.id = reader.string(value, "id", where);
  pkg.name = reader.string(value, "name", where);
  pkg.version = reader.string(value, "version", where);
}

void read_package_rest(const Reader& reader, const JsonObject& value, size_t index,
                       const std::string& workspace_root, model::Package& pkg) {
  Where where("packages", index, pkg.name, pkg.version);
  pkg.manifest_dir = parent_dir(reader.string(value, "manifest_path", where));
  pkg.source = parse_source(reader.optional_string(value, "source", where), pkg.manifest_dir, workspace_root);
  pkg.edition = reader.optional_string(value, "edition", where);
  if (pkg.edition.empty()) {
    pkg.edition = "2015";
  }
  pkg.metadata = tool_metadata(value.find("metadata"));
  std::string links = reader.optional_string(value, "links", where);
  if (!links.empty()) {
    pkg.links = links;
  }
  JsonArray dependencies = reader.array(value, "dependencies", where);
  pkg.dependencies.reserve(dependencies.size());
  for (Json dep : dependencies) {
    pkg.dependencies.push_back(parse_dependency(reader, JsonObject(dep), where));
  }
  JsonObject features(reader.member(value, "features", where));
  if (!features.is_object()) {
    reader.fail(where, "field \"features\" must be an object");
  }
  for (const auto& [name, list] : features_by_name(features)) {
    // Looked up by C string, as ever: a name with a NUL byte stands for its part before it.
    std::string key(name);
    std::optional<Json> found = key.find('\0') == std::string::npos ? list : features.find(key.c_str());
    pkg.features[key] = reader.strings_of(found, key.c_str(), where);
  }
  JsonArray targets = reader.array(value, "targets", where);
  pkg.targets.reserve(targets.size());
  for (Json target : targets) {
    pkg.targets.push_back(parse_target(reader, JsonObject(target), where, pkg.manifest_dir));
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

// One package as read, or the error that stopped it (with its identity, if that was read).
struct PackageRead {
  model::Package package;
  std::exception_ptr error;
  bool identity_read = false;
};

// Every package, on two threads (packages differ in size tenfold, and the lockfile's thread
// competes for one of the two cores: fixed halves left one thread waiting for the other). A
// package is independent of the others but for the duplicate-id check, made afterwards in
// document order. The error reported is the one a reading in order meets first: per package,
// its identity fields, then a duplicate id, then the rest.
std::vector<model::Package> parse_packages(const Reader& reader, const std::vector<Json>& values,
                                           const std::string& workspace_root) {
  std::vector<PackageRead> reads(values.size());
  // Packages after the first that fails are not needed; all before it are read.
  for_each_index(values.size(), [&](size_t index) {
    PackageRead& read = reads[index];
    JsonObject value(values[index]);
    try {
      read_package_identity(reader, value, index, read.package);
      read.identity_read = true;
      read_package_rest(reader, value, index, workspace_root, read.package);
      return true;
    } catch (...) {  // an InputError, or an internal error: either is reported in document order
      read.error = std::current_exception();
      return false;
    }
  });
  std::vector<model::Package> packages;
  packages.reserve(values.size());
  std::set<std::string> seen_ids;
  for (size_t index = 0; index < reads.size(); ++index) {
    PackageRead& read = reads[index];
    if (read.error && !read.identity_read) {
      std::rethrow_exception(read.error);
    }
    if (!seen_ids.insert(read.package.id).second) {
      reader.fail(Where("packages", index, read.package.name, read.package.version), "duplicate package id");
    }
    if (read.error) {
      std::rethrow_exception(read.error);
    }
    packages.push_back(std::move(read.package));
  }
  return packages;
}

}  // namespace

MetadataDocument::MetadataDocument(JsonText text, std::string origin)
    : m_json(text, origin), m_origin(std::move(origin)) {
  JsonObject doc(m_json.root());
  Reader reader(m_origin);
  if (!doc.is_object()) {
    reader.fail("top level", "expected a JSON object from cargo metadata");
  }
  std::optional<Json> version = doc.find("version");
  if (integer_version(version) != 1) {
    reader.fail("version", "unsupported metadata format version " +
                               (version ? to_nlohmann(*version).dump() : std::string("(missing)")) +
                               " (expected 1: run cargo metadata --format-version 1)");
  }
  m_workspace_root = reader.string(doc, "workspace_root", "top level");
}

model::Workspace parse_metadata(JsonText text, const std::string& origin) {
  return MetadataDocument(text, origin).workspace();
}

model::Workspace MetadataDocument::workspace() const {
  JsonObject doc(m_json.root());
  Reader reader(m_origin);
  model::Workspace ws;
  ws.workspace_root = m_workspace_root;
  ws.metadata = tool_metadata(doc.find("metadata"));
  JsonArray package_values = reader.array(doc, "packages", "top level");
  ws.packages = parse_packages(reader, std::vector<Json>(package_values.begin(), package_values.end()),
                               ws.workspace_root);
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
  std::optional<Json> resolve_value = doc.find("resolve");
  if (!resolve_value || resolve_value->is_null()) {
    reader.fail("resolve", "missing: the metadata has no dependency graph (do not pass --no-deps)");
  }
  JsonObject resolve(*resolve_value);
  parse_resolve(reader, resolve, ws);
  std::string root_id = reader.optional_string(resolve, "root", "resolve");
  if (!root_id.empty()) {
    ws.root_package = root_id;
  }
  std::ranges::sort(ws.members, {}, [&ws](const std::string& id) { return ws.package(id).key; });
  std::ranges::sort(ws.default_members, {}, [&ws](const std::string& id) { return ws.package(id).key; });
  return ws;
}

}  // namespace recipe::cargo
