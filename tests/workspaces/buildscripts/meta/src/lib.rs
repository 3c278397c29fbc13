pub const SCALE: u32 = parse(env!("FIXTURE_META_SCALE"));

const fn parse(s: &str) -> u32 {
    let b = s.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        n = n * 10 + (b[i] - b'0') as u32;
        i += 1;
    }
    n
}

pub fn scale(x: u32) -> u32 {
    x * SCALE
}
