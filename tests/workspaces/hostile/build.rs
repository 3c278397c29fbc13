// Prints directives whose values a shell would mangle; the binary shows what arrived.
fn main() {
    println!("cargo:rustc-env=HOSTILE_ENV=a \"b\" 'c' $(d) `e` \\f é;g=h");
    println!("cargo:rustc-check-cfg=cfg(hostile_cfg)");
    println!("cargo:rustc-cfg=hostile_cfg");
    let description = std::env::var("CARGO_PKG_DESCRIPTION").unwrap();
    println!("cargo:rustc-env=DESCRIPTION_SEEN_BY_BUILD_SCRIPT={}", description.len());
}
