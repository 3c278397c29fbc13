#pragma once

#include <vector>

#include "generator/hints/hints.hpp"
#include "generator/model/workspace.hpp"

namespace recipe::hints {

// The hint sources a workspace's manifests hold, in merge order: each package's
// `[package.metadata.green]` then `[package.metadata.recipe]` (packages by key), then the
// workspace's `[workspace.metadata.green]` and `[workspace.metadata.recipe]`. Throws InputError
// naming the package and key of any invalid table.
std::vector<HintSource> manifest_hint_sources(const model::Workspace& workspace);

}  // namespace recipe::hints
