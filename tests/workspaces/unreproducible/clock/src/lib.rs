//! The build time, as the build script saw it (`BUILT_AT`, `BUILT_UNIX`): differs on every build.

include!(concat!(env!("OUT_DIR"), "/built.rs"));
