#pragma once

#include <map>
#include <string>
#include <vector>

#include "generator/hints/resolve.hpp"
#include "generator/plan/plan.hpp"

namespace recipe::emit {

// The system packages each unit's stage installs, index-aligned with `plan.units`; empty for a
// unit that needs none (it builds on the bare base). Only two kinds of unit need any:
//  - a build-script run: its own crate's packages and those of the `links` dependencies whose
//    DEP_* variables it reads (their headers and pkg-config files), and
//  - a unit that links (bin, cdylib, dylib, proc-macro, build-script compile): the packages of
//    every library it links, transitively, and of its own crate (but for a build script, whose
//    binary does not link its crate's native libraries),
// each plus the packages for every unit. A plain library compile never links, so a hint never
// reaches it. For a unit built or run for a cross target whose Debian architecture
// `deb_arch_by_triple` names, the -dev packages of the crates built for that target are installed
// for it ("zlib1g-dev:arm64"); tools, and what host code links, stay the build machine's. Throws
// InputError when two pins of one package meet in one unit.
std::vector<std::vector<hints::SystemPackage>> unit_system_packages(
    const plan::Plan& plan, const hints::HintSet& hints, hints::Distro distro,
    const std::map<std::string, std::string>& deb_arch_by_triple = {});

}  // namespace recipe::emit
