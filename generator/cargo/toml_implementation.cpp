// The one translation unit that compiles toml++'s implementation (cmake/Dependencies.cmake sets
// TOML_HEADER_ONLY=0 for every other file, which then sees declarations only).
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
