#pragma once

#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "generator/hints/hints.hpp"

namespace recipe::hints {

// The schema line every hints file may carry (and the built-in database does).
inline constexpr const char* k_hints_schema = "cargo-recipe/hints/1";

// Read a hints file (schemas/hints.schema.json): optional `schema`, `apt`/`apk` lists for every
// unit that runs a build script or links, and `[crates."NAME"]` or `[crates."NAME@REQ"]` tables of
// `apt`/`apk` lists. Packages are "name", apt pins "name (=VERSION)", apk pins "name=VERSION".
// `source_name` names the result. Checks everything before failing: throws InputError with one
// line per problem, each "origin:line:col: key: what is wrong (fix)".
HintSource read_hints_file(std::string_view text, const std::string& origin, const std::string& source_name);

// The same rules for a table that is not a file of its own: `[workspace.metadata.recipe]`, read
// from cargo metadata (converted to TOML, so without line numbers). `origin` starts each message.
HintSource read_hints_table(const toml::table& table, const std::string& origin, const std::string& source_name);

// `[package.metadata.recipe]` of the package `crate`@`version`: `apt`/`apk` lists for the package
// itself. Throws InputError like read_hints_file.
HintSource read_package_hints(const toml::table& table, const std::string& crate, const std::string& version,
                              const std::string& origin, const std::string& source_name);

// cargo-green's `[package.metadata.green]` / `[workspace.metadata.green]`: only its `add.apt`,
// `add.apt-get` and `add.apk` lists are read, other keys are cargo-green's own business. With a
// `crate`, the lists are that package's; without, they apply everywhere.
HintSource read_green_table(const toml::table& table, const std::string* crate, const std::string& version,
                            const std::string& origin, const std::string& source_name);

}  // namespace recipe::hints
