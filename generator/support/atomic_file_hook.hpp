#pragma once

#include <string_view>

namespace recipe {

// For tests only: `hook` runs inside AtomicFile::commit() at "written" (the content is in a
// temporary file, named or not) and at "linked" (the temporary file has its TARGET.tmp.PID name,
// just before the rename), so that a test can kill the process there. nullptr removes it.
void set_atomic_file_test_hook(void (*hook)(std::string_view point));

}  // namespace recipe
