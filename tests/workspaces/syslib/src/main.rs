// Calls into the system zlib: its CRC-32 of a fixed text, and a compress/uncompress round trip.
// Prints the same on every build; the zlib version is not printed (it is the build machine's).
use std::os::raw::c_ulong;

fn main() {
    let text = b"cargo-recipe links the system zlib";
    let crc = unsafe { libz_sys::crc32(0, text.as_ptr(), text.len() as u32) };
    println!("crc32 {:08x}", crc);

    let mut packed = vec![0u8; 256];
    let mut packed_len = packed.len() as c_ulong;
    let status = unsafe { libz_sys::compress(packed.as_mut_ptr(), &mut packed_len, text.as_ptr(), text.len() as c_ulong) };
    assert_eq!(status, libz_sys::Z_OK);

    let mut unpacked = vec![0u8; text.len()];
    let mut unpacked_len = unpacked.len() as c_ulong;
    let status = unsafe { libz_sys::uncompress(unpacked.as_mut_ptr(), &mut unpacked_len, packed.as_ptr(), packed_len) };
    assert_eq!(status, libz_sys::Z_OK);
    println!("round trip {}", if &unpacked[..unpacked_len as usize] == text { "ok" } else { "BROKEN" });
}
