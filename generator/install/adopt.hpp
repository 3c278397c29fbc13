#pragma once

#include <string>

#include "generator/install/acquired_crate.hpp"
#include "generator/install/install_request.hpp"
#include "generator/model/workspace.hpp"

namespace recipe::install {

// The package to install in `workspace`: the one `request` names, else for --path the package whose
// manifest is `manifest_path`, else the only package with binaries. A crate from a vendor folder becomes what it is in
// the recipe, a registry crate (its `checksum` recorded under its id in `checksums`), not the temporary copy it was
// planned from. Throws InputError when it is not there, is ambiguous, or has no binaries.
const model::Package& adopt_package(model::Workspace& workspace, std::map<std::string, std::string>& checksums,
                                    const InstallRequest& request, const AcquiredCrate& crate,
                                    const std::string& manifest_path);

}  // namespace recipe::install
