#include "generator/cargo/validate.hpp"

#include <re2/re2.h>

#include "generator/model/semver.hpp"
#include "generator/support/error.hpp"
#include "generator/support/printable.hpp"

namespace recipe::cargo {

namespace {

// Every problem of one input, reported once as a single line.
class Problems {
 public:
  void add(const std::string& where, const std::string& what, std::string_view value, const std::string& problem) {
    if (!problem.empty()) {
      m_problems.push_back(where + ": " + what + " " + quote_value(value) + " " + problem);
    }
  }

  void check() const {
    if (m_problems.empty()) {
      return;
    }
    std::string more = m_problems.size() > 1 ? " (and " + std::to_string(m_problems.size() - 1) + " more)" : "";
    throw InputError(m_problems.front() + more);
  }

 private:
  std::vector<std::string> m_problems;
};

std::string url_problem(std::string_view url) {
  // https://…, registry+https://…, sparse+https://…, file:///…: printable ASCII, no spaces or quotes.
  static const RE2 k_url(R"(([a-z]+\+)?[a-z][a-z0-9+.-]*://[!#-&(-~]+)");
  return RE2::FullMatch(url, k_url) ? "" : "is not a registry or git URL cargo writes";
}

void check_package(const model::Package& pkg, Problems& problems) {
  const std::string where = pkg.manifest_dir + "/Cargo.toml";
  problems.add(where, "package name", pkg.name, name_problem(pkg.name));
  problems.add(where, "version", pkg.version, version_problem(pkg.version));
  if (pkg.links) {
    problems.add(where, "links", *pkg.links, name_problem(*pkg.links));
  }
  if (!pkg.edition.empty() && !RE2::FullMatch(pkg.edition, "[0-9]{4}")) {
    problems.add(where, "edition", pkg.edition, "is not an edition (2015, 2018, 2021, 2024)");
  }
  if (pkg.source.kind == model::Source::Kind::path) {
    problems.add(where, "package path", pkg.source.relative_path,
                 relative_path_problem(pkg.source.relative_path, true));
  } else {
    problems.add(where, "source", pkg.source.url, url_problem(pkg.source.url));
    if (pkg.source.kind == model::Source::Kind::git && !RE2::FullMatch(pkg.source.rev, "[0-9a-f]{0,64}")) {
      problems.add(where, "git revision", pkg.source.rev, "is not a commit hash");
    }
  }
  for (const auto& [feature, enables] : pkg.features) {
    problems.add(where, "feature", feature, feature_problem(feature));
    for (const auto& value : enables) {
      if (has_control_character(value)) {
        problems.add(where, "feature value", value, "holds a control character");
      }
    }
  }
  for (const auto& target : pkg.targets) {
    problems.add(where, "target name", target.name, name_problem(target.name));
    problems.add(where, "target path", target.src_path, relative_path_problem(target.src_path));
    for (const auto& feature : target.required_features) {
      if (has_control_character(feature)) {
        problems.add(where, "required feature", feature, "holds a control character");
      }
    }
  }
  for (const auto& dep : pkg.dependencies) {
    problems.add(where, "dependency", dep.package, name_problem(dep.package));
    if (dep.rename) {
      problems.add(where, "dependency rename", *dep.rename, name_problem(*dep.rename));
    }
  }
}

}  // namespace

std::string name_problem(std::string_view name) {
  static const RE2 k_name("[A-Za-z0-9_-]+");
  return RE2::FullMatch(name, k_name) ? "" : "may hold only ASCII letters, digits, '-' and '_'";
}

std::string feature_problem(std::string_view name) {
  static const RE2 k_feature("[A-Za-z0-9_][A-Za-z0-9_+.-]*");
  return RE2::FullMatch(name, k_feature)
             ? ""
             : "may hold only ASCII letters, digits, '_', '-', '+' and '.', and start with a letter, digit or '_'";
}

std::string version_problem(std::string_view version) {
  static const RE2 k_version(
      R"((0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?)");
  return RE2::FullMatch(version, k_version) && model::Version::parse(version) ? "" : "is not a semver version";
}

std::string checksum_problem(std::string_view checksum) {
  static const RE2 k_sha256("[0-9a-f]{64}");
  return RE2::FullMatch(checksum, k_sha256) ? "" : "is not a sha256 (64 lowercase hex digits)";
}

std::string relative_path_problem(std::string_view path, bool leading_up) {
  if (has_control_character(path)) {
    return "holds a control character";
  }
  if (path.starts_with("/")) {
    return "is absolute";
  }
  bool up_allowed = leading_up;
  for (size_t start = 0; start < path.size();) {
    size_t end = std::min(path.find('/', start), path.size());
    std::string_view part = path.substr(start, end - start);
    if (part == "..") {
      if (!up_allowed) {
        return "leaves its folder";
      }
    } else {
      up_allowed = false;
    }
    start = end + 1;
  }
  return "";
}

void validate_workspace(const model::Workspace& ws) {
  Problems problems;
  for (const auto& pkg : ws.packages) {
    check_package(pkg, problems);
  }
  problems.check();
}

void validate_lockfile(const Lockfile& lock) {
  Problems problems;
  for (const auto& [key, pkg] : lock.packages) {
    const std::string where = lock.origin + ":" + std::to_string(pkg.line);
    problems.add(where, "package name", pkg.name, name_problem(pkg.name));
    problems.add(where, "version", pkg.version, version_problem(pkg.version));
    if (!pkg.checksum.empty() && pkg.checksum != k_debian_no_checksum) {
      problems.add(where, "checksum of \"" + printable(pkg.name) + "\"", pkg.checksum, checksum_problem(pkg.checksum));
    }
  }
  problems.check();
}

}  // namespace recipe::cargo
