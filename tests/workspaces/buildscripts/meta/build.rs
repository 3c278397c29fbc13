fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:answer=42");
    println!("cargo:greeting=hello from fixture-meta");
    println!("cargo:rustc-env=FIXTURE_META_SCALE=3");
}
