pub fn features() -> Vec<&'static str> {
    let mut v = Vec::new();
    if cfg!(feature = "fast") {
        v.push("fast");
    }
    if cfg!(feature = "json") {
        v.push("json");
    }
    v
}

pub fn count_byte(hay: &[u8], b: u8) -> usize {
    #[cfg(feature = "fast")]
    {
        memchr::memchr_iter(b, hay).count()
    }
    #[cfg(not(feature = "fast"))]
    {
        hay.iter().filter(|&&c| c == b).count()
    }
}

/// 32-bit FNV-1a.
pub fn checksum(data: &[u8]) -> u32 {
    data.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ b as u32).wrapping_mul(0x0100_0193))
}

#[cfg(feature = "json")]
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}
