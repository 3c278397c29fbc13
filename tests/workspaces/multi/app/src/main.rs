fn main() {
    let text = "build 12 units then 30 units then 12 more units";
    let nums = engine::numbers(text);
    let report = engine::Report {
        name: if cfg!(feature = "shout") { "APP".to_string() } else { "app".to_string() },
        mean: engine::mean(&nums),
        words: engine::word_positions(text),
    };
    println!("engine features: {:?}", engine::features());
    println!("mutil features: {:?}", mutil::features());
    println!("numbers: {:?}", nums);
    println!("report: {}", mutil::to_json(&report));
    println!("count of 'u': {}", mutil::count_byte(text.as_bytes(), b'u'));
}

#[cfg(test)]
mod tests {
    #[test]
    fn itoa_formats() {
        assert_eq!(itoa::Buffer::new().format(42u8), "42");
    }
}
