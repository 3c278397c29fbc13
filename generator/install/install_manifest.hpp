#pragma once

#include <string>
#include <string_view>

namespace recipe::install {

// The manifest `text` as `cargo install` resolves it: without [dev-dependencies] (also per
// target, and the old dev_dependencies spelling), and without the feature values ("x/f", "x?/f")
// that name a dependency only those tables declared. cargo install never resolves
// dev-dependencies; everything else, feature names included, is kept. Throws InputError
// "origin:line:col: ..." when `text` is not TOML.
std::string without_dev_dependencies(std::string_view text, const std::string& origin);

}  // namespace recipe::install
