#include "generator/hints/read_hints.hpp"

#include <re2/re2.h>

#include "generator/cargo/toml_document.hpp"
#include "generator/support/error.hpp"
#include "generator/support/printable.hpp"
#include "generator/support/suggest.hpp"

namespace recipe::hints {

namespace {

const std::vector<std::string> k_list_keys = {"apt", "apk"};

// A TOML key as a path segment: bare when it may be, quoted otherwise.
std::string key_segment(std::string_view key) {
  static const RE2 k_bare("[A-Za-z0-9_-]+");
  return RE2::FullMatch(key, k_bare) ? std::string(key) : "\"" + std::string(key) + "\"";
}

// Reads hints with the rules of schemas/hints.schema.json, collecting every problem.
class Reader {
 public:
  explicit Reader(std::string origin) : m_origin(std::move(origin)) {}

  // "origin:line:col" of `node`, or just the origin for a table built from JSON (no positions).
  std::string where(const toml::node& node) const {
    return node.source().begin.line > 0 ? cargo::location_of(m_origin, node) : m_origin;
  }

  // One line per problem, whatever the values it quotes hold.
  void problem(const toml::node& node, const std::string& path, const std::string& what) {
    m_problems.push_back(printable(where(node) + ": " + (path.empty() ? "" : path + ": ") + what));
  }

  // Fails once, naming every problem, one a line.
  void check() const {
    if (m_problems.empty()) {
      return;
    }
    std::string message;
    for (const auto& p : m_problems) {
      message += (message.empty() ? "" : "\n") + p;
    }
    throw InputError(message);
  }

  // The `apt`/`apk` lists of `table`; other keys are problems unless listed in `allowed`.
  std::map<Distro, std::vector<SystemPackage>> lists(const toml::table& table, const std::string& path,
                                                     const std::vector<std::string>& allowed = {}) {
    std::map<Distro, std::vector<SystemPackage>> out;
    for (const auto& [key, node] : table) {
      std::string name(key.str());
      std::string here = path.empty() ? name : path + "." + key_segment(name);
      if (name == "apt" || name == "apk") {
        Distro distro = name == "apt" ? Distro::debian : Distro::alpine;
        out[distro] = packages(node, here, distro);
      } else if (std::ranges::find(allowed, name) == allowed.end()) {
        std::vector<std::string> known = k_list_keys;
        known.insert(known.end(), allowed.begin(), allowed.end());
        problem(node, path,
                "unknown distro package list " + quoted_with_suggestion(name, known) +
                    " (lists are apt for Debian and Ubuntu, apk for Alpine)");
      }
    }
    return out;
  }

  std::vector<SystemPackage> packages(const toml::node& node, const std::string& path, Distro distro) {
    std::vector<SystemPackage> out;
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      problem(node, path,
              "must be an array of package names, e.g. [\"" +
                  std::string(distro == Distro::debian ? "libssl-dev" : "openssl-dev") + "\"]");
      return out;
    }
    for (size_t i = 0; i < array->size(); ++i) {
      const toml::node& item = *array->get(i);
      std::string here = path + "[" + std::to_string(i) + "]";
      const auto* text = item.as_string();
      if (text == nullptr) {
        problem(item, here, "must be a string (a package name)");
        continue;
      }
      if (auto package = parse_package(text->get(), distro)) {
        out.push_back(*package);
      } else {
        problem(item, here, bad_package(text->get(), distro));
      }
    }
    return out;
  }

  // "NAME" or "NAME@REQ" as a crate and a version requirement.
  std::optional<CrateHint> crate_key(std::string_view key, const toml::node& node, const std::string& path) {
    static const RE2 k_crate_name("[A-Za-z0-9_-]+");
    CrateHint hint;
    size_t at = key.find('@');
    hint.crate = std::string(key.substr(0, at));
    if (!RE2::FullMatch(hint.crate, k_crate_name)) {
      problem(node, path,
              "\"" + std::string(key) +
                  "\" is not a crate name (write NAME or NAME@REQUIREMENT, "
                  "e.g. \"openssl-sys@>=0.9\")");
      return std::nullopt;
    }
    if (at != std::string_view::npos) {
      hint.req_text = std::string(key.substr(at + 1));
      hint.req = model::VersionReq::parse(hint.req_text);
      if (!hint.req) {
        problem(node, path,
                "\"" + hint.req_text +
                    "\" is not a version requirement (write it as in Cargo.toml, "
                    "e.g. \"" +
                    hint.crate + "@>=0.9\" or \"" + hint.crate + "@^1.2\")");
        return std::nullopt;
      }
    }
    hint.where = where(node);
    return hint;
  }

  // The whole of a hints table: schema, everywhere lists, crates.
  HintSource source(const toml::table& root, const std::string& name, bool allow_schema) {
    HintSource out;
    out.name = name;
    std::vector<std::string> allowed = {"crates"};
    if (allow_schema) {
      allowed.push_back("schema");
      if (const toml::node* schema = root.get("schema")) {
        const auto* text = schema->as_string();
        if (text == nullptr || text->get() != k_hints_schema) {
          problem(*schema, "schema", std::string("must be \"") + k_hints_schema + "\"");
        }
      }
    }
    out.everywhere = lists(root, "", allowed);
    if (const toml::node* crates = root.get("crates")) {
      const toml::table* table = crates->as_table();
      if (table == nullptr) {
        problem(*crates, "crates", "must be a table of crates, e.g. [crates.\"openssl-sys\"]");
      } else {
        for (const auto& [key, node] : *table) {
          std::string path = "crates." + key_segment(key.str());
          const toml::table* crate = node.as_table();
          if (crate == nullptr) {
            problem(node, path, "must be a table with apt and/or apk lists");
            continue;
          }
          if (auto hint = crate_key(key.str(), node, path)) {
            hint->packages = lists(*crate, path);
            out.crates.push_back(std::move(*hint));
          }
        }
      }
    }
    return out;
  }

 private:
  static std::optional<SystemPackage> parse_package(const std::string& text, Distro distro) {
    // Debian policy 5.6.1/5.6.12 names (with a multiarch qualifier, "zlib1g-dev:arm64") and
    // versions; Alpine's apk-tools names and versions.
    static const RE2 k_apt("([a-z0-9][a-z0-9+.-]+(?::[a-z0-9]+)?)(?: \\(=((?:[0-9]+:)?[0-9][A-Za-z0-9.+~-]*)\\))?");
    static const RE2 k_apk("([A-Za-z0-9][A-Za-z0-9+._-]*)(?:=([0-9][0-9A-Za-z._]*(?:-r[0-9]+)?))?");
    SystemPackage package;
    if (RE2::FullMatch(text, distro == Distro::debian ? k_apt : k_apk, &package.name, &package.version)) {
      return package;
    }
    return std::nullopt;
  }

  // Why `text` is not a package of `distro`, with the spelling that would be.
  static std::string bad_package(const std::string& text, Distro distro) {
    static const RE2 k_name_equals("([A-Za-z0-9][A-Za-z0-9+._-]*) *= *([^ ()]+)");
    static const RE2 k_name_paren("([A-Za-z0-9][A-Za-z0-9+._-]*) *\\( *=? *([^ ()]+) *\\)");
    std::string name;
    std::string version;
    if (distro == Distro::debian && RE2::FullMatch(text, k_name_equals, &name, &version)) {
      return "bad apt pin \"" + text + "\" (write \"" + name + " (=" + version + ")\")";
    }
    if (distro == Distro::alpine && RE2::FullMatch(text, k_name_paren, &name, &version)) {
      return "bad apk pin \"" + text + "\" (write \"" + name + "=" + version + "\")";
    }
    if (distro == Distro::debian) {
      return "\"" + text + "\" is not a Debian package (lowercase name, optionally pinned as \"name (=VERSION)\")";
    }
    return "\"" + text + "\" is not an Alpine package (a name, optionally pinned as \"name=VERSION\")";
  }

  std::string m_origin;
  std::vector<std::string> m_problems;
};

CrateHint package_hint(const std::string& crate, const std::string& version, const std::string& origin) {
  CrateHint hint;
  hint.crate = crate;
  hint.req_text = "=" + version;
  hint.req = model::VersionReq::parse(hint.req_text);
  hint.where = origin;
  return hint;
}

}  // namespace

HintSource read_hints_file(std::string_view text, const std::string& origin, const std::string& source_name) {
  toml::table root = cargo::parse_toml(text, origin);
  Reader reader(origin);
  HintSource out = reader.source(root, source_name, true);
  reader.check();
  return out;
}

HintSource read_hints_table(const toml::table& table, const std::string& origin, const std::string& source_name) {
  Reader reader(origin);
  HintSource out = reader.source(table, source_name, false);
  reader.check();
  return out;
}

HintSource read_package_hints(const toml::table& table, const std::string& crate, const std::string& version,
                              const std::string& origin, const std::string& source_name) {
  Reader reader(origin);
  HintSource out;
  out.name = source_name;
  CrateHint hint = package_hint(crate, version, origin);
  hint.packages = reader.lists(table, "");
  reader.check();
  if (!hint.packages.empty()) {
    out.crates.push_back(std::move(hint));
  }
  return out;
}

HintSource read_green_table(const toml::table& table, const std::string* crate, const std::string& version,
                            const std::string& origin, const std::string& source_name) {
  Reader reader(origin);
  HintSource out;
  out.name = source_name;
  std::map<Distro, std::vector<SystemPackage>> lists;
  if (const toml::node* add = table.get("add")) {
    const toml::table* add_table = add->as_table();
    if (add_table == nullptr) {
      reader.problem(*add, "add", "must be a table (add.apt = [...])");
    } else {
      for (const auto& [key, node] : *add_table) {
        std::string name(key.str());
        // cargo-green has both add.apt and add.apt-get; both are Debian's.
        if (name == "apt" || name == "apt-get" || name == "apk") {
          Distro distro = name == "apk" ? Distro::alpine : Distro::debian;
          auto packages = reader.packages(node, "add." + name, distro);
          lists[distro].insert(lists[distro].end(), packages.begin(), packages.end());
        }
      }
    }
  }
  reader.check();
  if (crate == nullptr) {
    out.everywhere = std::move(lists);
  } else if (!lists.empty()) {
    CrateHint hint = package_hint(*crate, version, origin);
    hint.packages = std::move(lists);
    out.crates.push_back(std::move(hint));
  }
  return out;
}

}  // namespace recipe::hints
