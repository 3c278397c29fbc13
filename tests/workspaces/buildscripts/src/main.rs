use std::collections::BTreeMap;

use anyhow::Context;
use generic_array::{arr, GenericArray};
use num_traits::{CheckedMul, Pow};
use rayon::prelude::*;
use tiny_keccak::{Hasher, Sha3};
use typenum::Unsigned;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}

fn parse_all(items: &[&str]) -> anyhow::Result<Vec<i64>> {
    items.iter().map(|s| s.parse::<i64>().with_context(|| format!("parsing {:?}", s))).collect()
}

fn main() -> anyhow::Result<()> {
    println!("generated: answer={} greeting={:?} squares={:?}", generated::ANSWER, generated::GREETING, generated::SQUARES);
    println!("modern rustc cfg: {}", cfg!(has_modern_rustc));
    println!("profile: {}", env!("FIXTURE_PROFILE"));
    println!("meta scale: {}", fixture_meta::scale(14));

    println!("typenum: U12*U3={}", <typenum::Prod<typenum::U12, typenum::U3> as Unsigned>::to_u32());
    let ga: GenericArray<u16, typenum::U4> = arr![u16; 1, 2, 3, 4];
    println!("generic-array: sum={}", ga.iter().sum::<u16>());
    println!("num: 3^13={} gcd(84,36)={} checked={:?}", Pow::pow(3u64, 13u32), num_integer::gcd(84, 36), CheckedMul::checked_mul(&200u8, &2));

    let text = b"build scripts everywhere";
    println!("memchr: first 's'={:?} count 'e'={}", memchr::memchr(b's', text), memchr::memchr_iter(b'e', text).count());
    println!("libc: abs(-17)={}", unsafe { libc::abs(-17) });

    let total = std::sync::atomic::AtomicU64::new(0);
    crossbeam_utils::thread::scope(|s| {
        for i in 1..=4u64 {
            let total = &total;
            s.spawn(move |_| {
                total.fetch_add(i * 100, std::sync::atomic::Ordering::SeqCst);
            });
        }
    })
    .unwrap();
    println!("crossbeam: total={}", total.into_inner());

    let par: u64 = (1..=1000u64).into_par_iter().map(|x| x * x).sum();
    println!("rayon: sum of squares={}", par);

    let ts: proc_macro2::TokenStream = "fn f(a: u8) -> u8 { a + 1 }".parse().unwrap();
    println!("proc-macro2: {} top-level tokens", ts.into_iter().count());

    let mut sha = Sha3::v256();
    sha.update(b"abc");
    let mut digest = [0u8; 32];
    sha.finalize(&mut digest);
    println!("sha3-256(abc)={}", digest.iter().map(|b| format!("{:02x}", b)).collect::<String>());

    println!("unicase: {}", unicase::UniCase::new("Cargo") == unicase::UniCase::new("CARGO"));

    let mut map = BTreeMap::new();
    map.insert("numbers", serde_json::json!(parse_all(&["1", "-2", "30"])?));
    map.insert("error", serde_json::json!(parse_all(&["4", "x"]).unwrap_err().to_string()));
    println!("json: {}", serde_json::to_string(&map).context("serialize")?);
    Ok(())
}
