// A zstd round trip through the system libzstd (zstd-sys 2.0.1+zstd.1.5.2, zstd-safe
// 6.0.2+zstd.1.5.2, zstd 0.12.1+zstd.1.5.2). Prints the same on every build.
fn main() {
    let text = b"cargo-recipe finds crates by their Cargo.toml, not their folder names";
    let packed = zstd::bulk::compress(text, 3).expect("compress");
    let unpacked = zstd::bulk::decompress(&packed, text.len()).expect("decompress");
    println!("round trip {}", if unpacked == text { "ok" } else { "BROKEN" });
}
