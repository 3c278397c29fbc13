#pragma once

#include <optional>
#include <string>
#include <vector>

#include "generator/hints/resolve.hpp"
#include "generator/model/workspace.hpp"

namespace recipe::hints {

// Where the hints of one generation come from (the command line's part of it).
struct HintOptions {
  std::vector<std::string> files;  // --hints FILE, in the order given
  std::string add_apt;             // --add-apt / CARGO_RECIPE_ADD_APT, comma-separated
  std::string add_apk;             // --add-apk / CARGO_RECIPE_ADD_APK
  std::string distro;              // --distro; "" to decide from the image
};

// The text of one hints file, read by the caller.
struct HintsFileText {
  std::string path;  // as given, for messages
  std::string text;
};

// Every source in merge order (docs/hints.md): the built-in database, `files` (the texts of
// `options.files`, in that order), the manifests of `workspace` (when given), then the added
// packages. Pure. Throws InputError for an invalid hints file, naming the file and key.
HintSet collect_hints(const HintOptions& options, const std::vector<HintsFileText>& files,
                      const model::Workspace* workspace);

// The distro family packages are installed for: `--distro` when given, else the base image's
// os-release ID from the toolchain file (debian, ubuntu → debian; alpine → alpine), else a base
// image reference naming alpine, else debian. Throws InputError for an unknown name, offering the
// closest known one. `why`, when given, is set to what decided.
Distro decide_distro(const std::string& option, const std::string& toolchain_distro, const std::string& base_image,
                     std::string* why = nullptr);

}  // namespace recipe::hints
