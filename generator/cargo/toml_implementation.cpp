// The one translation unit that compiles toml++'s implementation (cmake/Dependencies.cmake sets
// TOML_HEADER_ONLY=0 for every other file, which then sees declarations only).
//
// toml++'s internal assertions are off in every build type, as NDEBUG turns them off in release
// builds: with them on, 3.3.0 asserts in parse_key on "[." instead of reporting the syntax error
// it reports without them (tests/generator/cargo/toml_document_test.cpp).
#define TOML_ASSERT(expr) static_cast<void>(0)
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
