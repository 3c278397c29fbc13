use std::env;
use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    // Metadata emitted by fixture-meta's build script (links = "fixture-meta").
    let answer: u32 = env::var("DEP_FIXTURE_META_ANSWER").expect("DEP_FIXTURE_META_ANSWER").parse().unwrap();
    let greeting = env::var("DEP_FIXTURE_META_GREETING").expect("DEP_FIXTURE_META_GREETING");

    println!("cargo:rustc-check-cfg=cfg(has_modern_rustc)");
    let ac = autocfg::new();
    if ac.probe_rustc_version(1, 50) {
        println!("cargo:rustc-cfg=has_modern_rustc");
    }
    println!("cargo:rustc-env=FIXTURE_PROFILE={}", env::var("PROFILE").unwrap());

    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("generated.rs");
    let squares: Vec<String> = (1..=answer / 6).map(|i| (i * i).to_string()).collect();
    let code = format!(
        "pub const ANSWER: u32 = {};\npub const GREETING: &str = {:?};\npub const SQUARES: [u32; {}] = [{}];\n",
        answer,
        greeting,
        squares.len(),
        squares.join(", ")
    );
    fs::write(out, code).unwrap();
}
