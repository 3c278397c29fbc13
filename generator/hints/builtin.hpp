#pragma once

#include "generator/hints/hints.hpp"

namespace recipe::hints {

// The built-in database (generator/hints/builtin.toml, made by hack/make-hints-db.sh from Debian's
// packaging), parsed once. It is part of the binary, so a failure to read it is a bug: Error.
const HintSource& builtin_hints();

// The source `--add-apt` / `--add-apk` (or CARGO_RECIPE_ADD_APT / CARGO_RECIPE_ADD_APK) make:
// comma-separated package lists for every unit that runs a build script or links. Throws
// InputError naming the option for a package that is not valid on its distro.
HintSource added_packages_source(const std::string& apt, const std::string& apk);

}  // namespace recipe::hints
