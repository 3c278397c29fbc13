#include "generator/support/short_run_memory.hpp"

#include <malloc.h>

namespace recipe {

void keep_freed_memory_in_process() {
  // Large blocks from the heap rather than their own mappings (which free() unmaps), and no
  // trimming of the heap's top: the process ends before either would matter for its size.
  // 32 MiB is the largest threshold glibc takes on 64-bit systems (it ignores more).
  constexpr int k_mmap_threshold = 32 << 20;
  constexpr int k_trim_threshold = 512 << 20;
  mallopt(M_MMAP_THRESHOLD, k_mmap_threshold);
  mallopt(M_TRIM_THRESHOLD, k_trim_threshold);
}

}  // namespace recipe
