# Every dependency comes from Debian's packages (see hack/install-deps.sh).
#
# The libraries Debian ships as static archives are linked statically and the header-only ones
# are used as headers, so that the binary needs nothing at run time but the C++ runtime (and
# libarchive brings none of its compression or XML dependencies along).
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 2 REQUIRED)

# A static archive of Debian's, as an imported target named NAME; fails when the -dev package
# that ships it is missing.
function(static_archive name file)
  find_library(${name}_ARCHIVE NAMES ${file} REQUIRED)
  add_library(${name} STATIC IMPORTED)
  set_target_properties(${name} PROPERTIES IMPORTED_LOCATION ${${name}_ARCHIVE})
endfunction()

static_archive(recipe_dep_xxhash libxxhash.a)
static_archive(recipe_dep_re2 libre2.a)
target_link_libraries(recipe_dep_re2 INTERFACE Threads::Threads)
# Only the tar readers are referenced, so none of libarchive's compression or XML dependencies
# are linked in.
static_archive(recipe_dep_archive libarchive.a)

# SHA-256 only; FindOpenSSL links libcrypto.a when asked.
set(OPENSSL_USE_STATIC_LIBS TRUE)
find_package(OpenSSL 3 REQUIRED)

# toml++ compiled into the project: TOML_HEADER_ONLY=0 everywhere and the implementation in one
# file (generator/cargo/toml_implementation.cpp), as toml++ documents, instead of its shared library.
find_package(tomlplusplus 3 REQUIRED)
add_library(recipe_dep_toml INTERFACE)
get_target_property(toml_includes tomlplusplus::tomlplusplus INTERFACE_INCLUDE_DIRECTORIES)
target_include_directories(recipe_dep_toml INTERFACE ${toml_includes})
target_compile_definitions(recipe_dep_toml INTERFACE TOML_HEADER_ONLY=0)

# spdlog and fmt as headers (Debian ships no static archive of either).
find_package(fmt REQUIRED)
find_package(spdlog 1.10 REQUIRED)
add_library(recipe_dep_spdlog INTERFACE)
get_target_property(spdlog_includes spdlog::spdlog_header_only INTERFACE_INCLUDE_DIRECTORIES)
target_include_directories(recipe_dep_spdlog INTERFACE ${spdlog_includes})
target_compile_definitions(recipe_dep_spdlog INTERFACE SPDLOG_FMT_EXTERNAL)
target_link_libraries(recipe_dep_spdlog INTERFACE fmt::fmt-header-only Threads::Threads)
