fn main() {
    let text = b"a multi-member workspace";
    println!("mutil features: {:?}", mutil::features());
    println!("count of 'm': {}", mutil::count_byte(text, b'm'));
    println!("checksum: {:08x}", mutil::checksum(text));
}
