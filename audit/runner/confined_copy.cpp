#include "audit/runner/confined_copy.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "generator/emit/recipe_inputs.hpp"
#include "generator/support/error.hpp"

namespace recipe::runner {

namespace fs = std::filesystem;

namespace {

// Whether `resolved`, a canonical path, is `root` (canonical) or below it.
bool is_inside(const fs::path& resolved, const fs::path& root) {
  fs::path relative = resolved.lexically_relative(root);
  return !relative.empty() && *relative.begin() != "..";
}

class ConfinedCopy {
 public:
  ConfinedCopy(fs::path root, const CopyRules& rules) : m_root(std::move(root)), m_rules(rules) {}

  // Copy `from` (not a symlink) to `to`; `relative` names it in warnings.
  void copy(const fs::path& from, const fs::path& to, const std::string& relative) {
    std::error_code ec;
    fs::file_status status = fs::symlink_status(from, ec);
    if (fs::is_directory(status)) {
      copy_directory(from, to, relative);
    } else if (fs::is_regular_file(status)) {
      // Hard links where the filesystem allows (fast, no copy), plain copies otherwise.
      fs::create_hard_link(from, to, ec);
      if (ec) {
        ec.clear();
        fs::copy_file(from, to, ec);
      }
      if (ec) {
        throw Error("build context: cannot copy " + from.string() + ": " + ec.message());
      }
    } else {
      leave_out(relative, "neither a file nor a folder");
    }
  }

  std::vector<std::string> left_out() && { return std::move(m_left_out); }

 private:
  void copy_directory(const fs::path& from, const fs::path& to, const std::string& relative) {
    std::error_code ec;
    fs::create_directory(to, ec);
    if (ec) {
      throw Error("build context: cannot create " + to.string() + ": " + ec.message());
    }
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(from, ec), end; !ec && it != end; it.increment(ec)) {
      entries.push_back(it->path());
    }
    if (ec) {
      throw Error("build context: cannot list " + from.string() + ": " + ec.message());
    }
    std::ranges::sort(entries);
    for (const fs::path& entry : entries) {
      const std::string name = entry.filename().string();
      const std::string entry_relative = relative.empty() ? name : relative + "/" + name;
      fs::file_status status = fs::symlink_status(entry, ec);
      if (m_rules.skip_hidden && name.starts_with(".")) {
        continue;
      }
      if (m_rules.skip_build_output && fs::is_directory(status) && fs::exists(entry / "CACHEDIR.TAG", ec)) {
        continue;
      }
      if (fs::is_symlink(status)) {
        copy_symlink(entry, to / name, entry_relative);
      } else {
        copy(entry, to / name, entry_relative);
      }
    }
  }

  // A symlink stays one when it points inside the root; it is never followed.
  void copy_symlink(const fs::path& link, const fs::path& to, const std::string& relative) {
    std::error_code ec;
    fs::path resolved = fs::canonical(link, ec);
    fs::path target = fs::read_symlink(link, ec);
    if (ec || !is_inside(resolved, m_root)) {
      leave_out(relative, "a symlink to a place outside " + m_root.string());
      return;
    }
    // An absolute target would point back into the host tree from the staging folder.
    if (target.is_absolute()) {
      leave_out(relative, "a symlink with an absolute target");
      return;
    }
    fs::create_symlink(target, to, ec);
    if (ec) {
      throw Error("build context: cannot copy the symlink " + link.string() + ": " + ec.message());
    }
  }

  void leave_out(const std::string& relative, const std::string& why) {
    spdlog::warn("build context: left out \"{}\": {}", relative, why);
    m_left_out.push_back(relative);
  }

  fs::path m_root;
  CopyRules m_rules;
  std::vector<std::string> m_left_out;
};

}  // namespace

std::string context_path_problem(std::string_view source) {
  if (source.empty()) {
    return "is empty";
  }
  if (source.find_first_of(std::string_view("\0\n\r", 3)) != std::string_view::npos) {
    return "holds a control character";
  }
  if (source.starts_with("/")) {
    return "is absolute";
  }
  // The engine would expand them: a source must name what is staged, nothing more.
  if (source.find_first_of("*?[") != std::string_view::npos) {
    return "holds a glob character (*, ? or [)";
  }
  size_t start = 0;
  size_t ups = 0;
  bool leading = true;
  while (start <= source.size()) {
    size_t end = std::min(source.find('/', start), source.size());
    std::string_view part = source.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") {
      return "is not normalised (an empty, \".\" or \"..\" component)";
    }
    leading = leading && part == emit::k_context_up;
    if (leading && ++ups > k_max_context_ups) {
      return "climbs more than " + std::to_string(k_max_context_ups) + " folders above the workspace";
    }
    // The generator never copies a hidden entry (.git/config may hold a token).
    if (part.starts_with(".")) {
      return "names a hidden entry";
    }
    start = end + 1;
  }
  return "";
}

std::vector<std::string> copy_confined(const fs::path& root, const fs::path& from, const fs::path& to,
                                       const CopyRules& rules) {
  std::error_code ec;
  fs::path canonical_root = fs::canonical(root, ec);
  if (ec) {
    throw InputError("build context: cannot read " + root.string() + ": " + ec.message());
  }
  // Every symlink on the way to `from`, and `from` itself, resolved: the place read stays inside.
  fs::path resolved = fs::canonical(from, ec);
  if (ec || !is_inside(resolved, canonical_root)) {
    throw InputError("build context: " + from.string() + " resolves outside " + canonical_root.string() +
                     " (a symlink out of the folder is never followed)");
  }
  ConfinedCopy copy(canonical_root, rules);
  copy.copy(resolved, to, "");
  return std::move(copy).left_out();
}

}  // namespace recipe::runner
