// Runs on the build machine for the target: checks that cargo's view of the target (TARGET and
// CARGO_CFG_TARGET_ARCH) agree, and hands the binary a value computed here, which is the same
// whatever the target.
use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let target = env::var("TARGET").unwrap();
    let arch = env::var("CARGO_CFG_TARGET_ARCH").unwrap();
    assert!(target.starts_with(&arch), "TARGET {} and CARGO_CFG_TARGET_ARCH {} disagree", target, arch);
    assert!(env::var("HOST").is_ok(), "no HOST");
    let squares: u64 = (1..=10u64).map(|n| n * n).sum();
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("generated.rs");
    fs::write(out, format!("pub const SQUARES: u64 = {};\n", squares)).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
