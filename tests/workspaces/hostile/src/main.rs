fn main() {
    println!("description: {}", env!("CARGO_PKG_DESCRIPTION"));
    println!("authors: {}", env!("CARGO_PKG_AUTHORS"));
    println!("homepage: {}", env!("CARGO_PKG_HOMEPAGE"));
    println!("version: {} pre={}", env!("CARGO_PKG_VERSION"), env!("CARGO_PKG_VERSION_PRE"));
    println!("rustc-env: {}", env!("HOSTILE_ENV"));
    println!("description length seen by the build script: {}", env!("DESCRIPTION_SEEN_BY_BUILD_SCRIPT"));
    println!("cfg from build script: {}", cfg!(hostile_cfg));
}
