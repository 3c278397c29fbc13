//! Prints only deterministic facts, but the binary holds the varying constants of clock, ordered
//! and tmppath: they are read through `read_volatile`, so they cannot be folded away.

use std::ptr;

/// The value, as an optimiser must assume it could be anything.
fn opaque<T: Copy>(value: &T) -> T {
    unsafe { ptr::read_volatile(value) }
}

fn main() {
    let names: &str = opaque(&ordered::NAMES);
    let mut sorted: Vec<&str> = names.split(',').collect();
    sorted.sort_unstable();
    let total: u32 = sorted.iter().map(|name| ordered::value_of(name).unwrap_or(0)).sum();
    let table_total: u32 = opaque(&ordered::TABLE).iter().map(|&(_, value)| value).sum();
    println!("ordered: {} names ({} declared): {}", sorted.len(), ordered::COUNT, sorted.join(","));
    println!("ordered: values sum to {} (table: {}), alpha() = {}", total, table_total, ordered::alpha());

    let built_at: &str = opaque(&clock::BUILT_AT);
    let built_unix: u64 = opaque(&clock::BUILT_UNIX);
    println!("clock: BUILT_UNIX > 0: {}", built_unix > 0);
    println!(
        "clock: BUILT_AT has {} bytes and ends with Z: {}",
        built_at.len(),
        built_at.ends_with('Z')
    );

    let scratch: &str = opaque(&tmppath::SCRATCH);
    println!(
        "tmppath: SCRATCH is absolute: {}, under /tmp/tmppath-build-: {}, {} bytes written there",
        scratch.starts_with('/'),
        scratch.starts_with("/tmp/tmppath-build-"),
        opaque(&tmppath::SCRATCH_LEN)
    );
}
