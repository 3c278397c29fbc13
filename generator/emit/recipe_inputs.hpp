#pragma once

#include <map>
#include <string>
#include <vector>

#include "generator/emit/dialect.hpp"
#include "generator/emit/helper_file.hpp"
#include "generator/hints/hints.hpp"
#include "generator/plan/plan.hpp"

namespace recipe::emit {

// Where crate sources come from at build time.
struct SourceOptions {
  enum class Mode { registry, vendor };
  Mode mode = Mode::registry;
  // vendor: the build-context directory holding NAME-VERSION folders (cargo vendor or Debian's
  // /usr/share/cargo/registry layout).
  std::string vendor_context_dir = "vendor";
  // registry: the download URL; {name} and {version} are substituted.
  std::string crate_url = "https://static.crates.io/crates/{name}/{name}-{version}.crate";
};

// The image recipes build on unless told otherwise (hack/make-base-image.sh makes it).
inline constexpr const char* k_default_base_image = "cargo-recipe/rust-base:bookworm";
// The image the runtime stage starts from (hack/make-base-image.sh --runtime makes it): the same
// Debian release as the base image, with apt and dpkg, and no toolchain.
inline constexpr const char* k_default_runtime_base = "cargo-recipe/runtime-base:bookworm";

// Stage names and the build argument every recipe has.
inline constexpr const char* k_binaries_stage = "binaries";     // the product, the last stage
inline constexpr const char* k_outputs_stage = "outputs";       // every unit's outputs, for the audit
inline constexpr const char* k_runtime_stage = "runtime";       // an image that runs the binaries
inline constexpr const char* k_salt_arg = "CARGO_RECIPE_SALT";  // busts the cache of unit steps only

// How the build context spells "..": path packages beside the workspace enter it as @up/NAME.
inline constexpr const char* k_context_up = "@up";

// Everything the Dockerfile is made from. Pure data: the I/O (listing members' files) is done
// by the caller.
struct RecipeInputs {
  const plan::Plan* plan = nullptr;
  std::string base_image = k_default_base_image;
  std::string runtime_base = k_default_runtime_base;
  Dialect dialect = Dialect::parse("portable");
  SourceOptions sources;
  // For each path package (by key): its top-level files and folders, relative to its directory,
  // sorted; only these are copied from the build context.
  std::map<std::string, std::vector<std::string>> path_package_entries;
  // The request that generated the recipe, recorded in its header: as the words of a command (for
  // people) and as one line of JSON (read back by pipeline/recipe_header.hpp).
  std::vector<std::string> regenerate_command;
  std::string request_json;
  std::string source_date_epoch = "0";
  // The build-time helper the recipe copies (its hash names a stage); tests give another.
  const Helper* helper = &builtin_helper();
  // The distro family of the base image, and per unit (index-aligned with plan->units) the system
  // packages its stage installs (emit/system_packages.hpp); empty for none.
  hints::Distro distro = hints::Distro::debian;
  std::vector<std::vector<hints::SystemPackage>> unit_packages;
};

// The recipe as Dockerfile text. Pure and deterministic. Throws InputError when a package cannot
// be fetched in the chosen sources mode (a registry crate without checksum, a git dependency
// outside vendor mode).
std::string render_dockerfile(const RecipeInputs& inputs);

}  // namespace recipe::emit
