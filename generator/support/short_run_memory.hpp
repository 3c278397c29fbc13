#pragma once

namespace recipe {

// For commands that run for milliseconds and exit (plan, generate, install): keep memory that is
// freed in the process for the next allocation instead of handing it back to the kernel. A page
// handed back and taken again costs a page fault, about 2 µs in a VM (thousands of instructions),
// and a plan frees megabytes of JSON parser buffers just before it allocates megabytes of plan:
// without this, a tenth of its time was page faults (docs/benchmarks.md). Call it first thing.
void keep_freed_memory_in_process();

}  // namespace recipe
