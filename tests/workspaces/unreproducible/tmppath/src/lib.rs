//! `SCRATCH`: the absolute temporary directory of the build script, different on every build.

include!(concat!(env!("OUT_DIR"), "/scratch.rs"));
