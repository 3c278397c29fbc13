#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace recipe::runner {

// What a copy leaves out below its source (the source itself is always copied).
struct CopyRules {
  // Entries whose name starts with "." at any level (a workspace package's hidden files).
  bool skip_hidden = false;
  // Folders cargo marked as its build output (a CACHEDIR.TAG inside), at any level.
  bool skip_build_output = false;
};

// How many leading "@up" components (folders above the workspace) a context path may have.
inline constexpr size_t k_max_context_ups = 8;

// Why `source`, a path of a recipe's build context, may not be staged, or "" if it may: it must
// be relative, normalised (no "", "." or ".." component, no trailing "/"), and free of NUL and
// newline characters and of glob characters (`*`, `?`, `[`), with no component naming a hidden
// entry (starting with ".") and at most k_max_context_ups leading "@up" components.
std::string context_path_problem(std::string_view source);

// Copy `from` to `to` (whose parent must exist) without ever leaving `root`, an existing folder
// that holds `from`: files are hard-linked where the filesystem allows, else copied; a symlink
// below `from` whose target resolves inside `root` is copied as a symlink, one that resolves
// outside `root` (or nowhere) is left out with a warning; `from` itself, when a symlink, is
// followed only if it resolves inside `root`. Returns the paths left out, relative to `from`.
// Throws InputError when `from` resolves outside `root`, Error when a copy fails.
std::vector<std::string> copy_confined(const std::filesystem::path& root, const std::filesystem::path& from,
                                       const std::filesystem::path& to, const CopyRules& rules);

}  // namespace recipe::runner
