#pragma once

#include <cassert>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "generator/model/cfg_expr.hpp"

// The workspace as cargo describes it: packages, their declared dependencies and targets, and the
// resolved dependency graph. Plain data, filled by the cargo/ parsers, read by plan/.
namespace recipe::model {

enum class DepKind { normal, dev, build };

// Where a package's source comes from, free of host paths.
struct Source {
  enum class Kind { path, registry, git };
  Kind kind = Kind::path;
  std::string url;            // registry index or git repository; empty for path
  std::string rev;            // git: the locked commit
  std::string relative_path;  // path: directory relative to the workspace root ("" for the root)
};

// One entry of `[dependencies]` (or dev/build, or a `[target.X.dependencies]` table).
struct DependencyDecl {
  std::string package;                // the depended-on package's name
  std::optional<std::string> rename;  // `foo = { package = "bar" }` gives rename "foo"
  std::string req;                    // version requirement, e.g. "^1.0"
  DepKind kind = DepKind::normal;
  std::optional<Platform> platform;  // `[target.'cfg(unix)'.dependencies]`
  bool optional = false;
  bool uses_default_features = true;
  std::vector<std::string> features;

  // The name the dependency has in the manifest, which features refer to.
  const std::string& name_in_toml() const { return rename ? *rename : package; }
};

struct Target {
  std::string name;
  std::vector<std::string> kinds;        // "lib", "bin", "proc-macro", "custom-build", "example"...
  std::vector<std::string> crate_types;  // "lib", "rlib", "proc-macro", "bin", "cdylib"...
  std::string src_path;                  // relative to the package root
  std::string edition;
  std::vector<std::string> required_features;

  bool has_kind(std::string_view kind) const;
  bool is_lib() const;       // any library kind, proc-macro included
  bool is_linkable() const;  // a library others can link: lib, rlib, dylib, proc-macro
  bool is_proc_macro() const;
  bool is_custom_build() const;
  bool is_bin() const;
  // The crate name rustc sees: the target name with '-' replaced by '_'.
  std::string crate_name() const;
};

// The `CARGO_PKG_*` facts of a package.
struct PackageInfo {
  std::vector<std::string> authors;
  std::string description;
  std::string homepage;
  std::string repository;
  std::string license;
  std::string license_file;
  std::string readme;
  std::string rust_version;
};

struct Package {
  std::string id;   // cargo's opaque package id; may hold host paths, never printed
  std::string key;  // stable display key: "name@version"
  std::string name;
  std::string version;
  Source source;
  std::string manifest_dir;  // absolute, as cargo reported it; used only to make paths relative
  std::string edition;
  std::optional<std::string> links;
  std::vector<DependencyDecl> dependencies;
  // Declared features plus the implicit ones of optional dependencies (`x = ["dep:x"]`).
  std::map<std::string, std::vector<std::string>> features;
  std::vector<Target> targets;
  PackageInfo info;
  bool is_member = false;
  // `[package.metadata.recipe]` and `[package.metadata.green]` as a JSON object text, "" if neither.
  std::string metadata;

  const Target* lib_target() const;
  const Target* linkable_target() const;
  const Target* build_script() const;
  bool is_proc_macro() const;
};

// One edge of the resolved graph: `from` depends on `to` under `extern_name` for these kinds.
struct ResolvedDep {
  std::string package_id;   // the dependency's package id
  std::string extern_name;  // lib crate name after renames
  // (kind, platform) pairs, as `dep_kinds` in cargo metadata.
  std::vector<std::pair<DepKind, std::optional<Platform>>> kinds;
};

struct Workspace {
  std::vector<Package> packages;  // sorted by key
  std::map<std::string, size_t> index_by_id;
  std::vector<std::string> members;                         // package ids
  std::vector<std::string> default_members;                 // package ids
  std::map<std::string, std::vector<ResolvedDep>> resolve;  // by package id
  std::optional<std::string> root_package;                  // package id of the root manifest's package
  std::string workspace_root;                               // absolute, as reported; never printed
  std::string metadata;  // `[workspace.metadata.recipe]`/`.green` as a JSON object text, "" if neither

  const Package& package(const std::string& id) const;
  const Package* find_package(const std::string& id) const;
  // The position of `pkg`, which must be one of `packages`: the planner keys its tables by it,
  // as comparing package ids (URLs of 60 characters and more) was much of its time.
  size_t index_of(const Package& pkg) const {
    assert(&pkg >= packages.data() && &pkg < packages.data() + packages.size());
    return static_cast<size_t>(&pkg - packages.data());
  }
};

}  // namespace recipe::model
