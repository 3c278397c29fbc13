//! What both binaries share: the `--version` line and a small deterministic computation.

/// `NAME VERSION`, as `--version` prints it.
pub fn version_line(bin: &str) -> String {
    format!("{} {}", bin, env!("CARGO_PKG_VERSION"))
}

/// The sum of 1..=n, written with itoa (a registry dependency, so the recipe has one).
pub fn triangle(n: u64) -> String {
    let mut buffer = itoa::Buffer::new();
    buffer.format(n * (n + 1) / 2).to_string()
}

/// Run one binary: `--version`, or the computation.
pub fn main_of(bin: &str) {
    match std::env::args().nth(1).as_deref() {
        Some("--version") | Some("-V") => println!("{}", version_line(bin)),
        _ => println!("{}: triangle(100) = {}", bin, triangle(100)),
    }
}
