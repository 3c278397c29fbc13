use std::env;
use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-check-cfg=cfg(rustc_1_60)");
    let ac = autocfg::new();
    ac.emit_rustc_version(1, 60);
    let words = ["alpha", "beta", "gamma"];
    let mut code = String::from("pub const TABLE: [(&str, u32); 3] = [");
    for w in words.iter() {
        // mutil is also a build-dependency (compiled for the host without default features).
        code.push_str(&format!("({:?}, {}), ", w, mutil::checksum(w.as_bytes())));
    }
    code.push_str("];\n");
    code.push_str(&format!("pub const BUILD_FEATURES: &str = {:?};\n", mutil::features().join(",")));
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("table.rs"), code).unwrap();
}
