#include "generator/pipeline/generate_request.hpp"

#include <filesystem>

namespace recipe::pipeline {

void finish_request(GenerateRequest& request) {
  if (request.install) {
    // cargo install --locked: the crate's own Cargo.lock, and cargo metadata --locked on it.
    request.install->locked = request.load.locked;
  }
  request.plan.features = request.load.features;
  request.plan.all_features = request.load.all_features;
  request.plan.no_default_features = request.load.no_default_features;
  request.plan.targets = request.load.targets;
  if (request.install && request.install->path) {
    // The crate's folder is the workspace: the moved-workspace audit moves it like any other.
    request.load.manifest_path = (std::filesystem::path(*request.install->path) / "Cargo.toml").string();
  }
}

}  // namespace recipe::pipeline
