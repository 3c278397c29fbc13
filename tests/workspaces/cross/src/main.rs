// Prints the same on every target: a value from the build script, the proc-macro's expansion, and
// the system zlib's CRC-32 of a fixed text (zlib of the target's architecture, linked by libz-sys).
include!(concat!(env!("OUT_DIR"), "/generated.rs"));

fn main() {
    println!("build script: sum of squares {}", SQUARES);
    let (count, text) = cross_macros::words!(built for another target);
    println!("proc-macro: {} words \"{}\"", count, text);
    let data = b"cargo-recipe builds for another target";
    let crc = unsafe { libz_sys::crc32(0, data.as_ptr(), data.len() as u32) };
    println!("zlib: crc32 {:08x}", crc);
}
