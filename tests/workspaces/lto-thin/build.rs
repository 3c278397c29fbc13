// Generates a table into OUT_DIR and passes a value through rustc-env: a build script in a
// workspace whose release profile runs thin LTO (the script itself gets none).
use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").unwrap();
    let squares: Vec<String> = (1..=5).map(|i| (i * i).to_string()).collect();
    fs::write(
        Path::new(&out).join("squares.rs"),
        format!("pub const SQUARES: [u32; 5] = [{}];\n", squares.join(", ")),
    )
    .unwrap();
    println!("cargo:rustc-env=LTO_THIN_OPT_LEVEL={}", env::var("OPT_LEVEL").unwrap());
    println!("cargo:rerun-if-changed=build.rs");
}
