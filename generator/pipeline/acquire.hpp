#pragma once

#include <memory>
#include <string>

#include "generator/install/acquired_crate.hpp"
#include "generator/install/install_request.hpp"
#include "generator/support/process.hpp"

namespace recipe::pipeline {

// Make the crate of `request` ready: --path as it is; --git cloned and checked out; otherwise the
// newest version matching the request in the vendor folder of `sources` ("vendor=DIR"), copied
// with a cargo config that resolves its dependencies from that folder, offline. Throws InputError
// for an unknown crate or version (naming those there), a --path without Cargo.toml, a failed
// clone, --locked without a Cargo.lock, or a registry install (the network is needed).
install::AcquiredCrate acquire(const install::InstallRequest& request, const std::string& sources,
                               ProcessRunner& processes);

}  // namespace recipe::pipeline
