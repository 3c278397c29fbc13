use std::collections::BTreeMap;
use std::io::{Read, Write};

use byteorder::{BigEndian, ByteOrder};
use clap::Parser;
use itertools::Itertools;
use md5::Md5;
use num_bigint::BigUint;
use pest::Parser as _;
use rand::{Rng, SeedableRng};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use strum::IntoEnumIterator;
use unicode_segmentation::UnicodeSegmentation;

#[derive(clap::Parser, Debug)]
#[command(version, about = "large fixture")]
struct Args {
    #[arg(long, default_value_t = 5)]
    depth: usize,
    #[arg(long, default_value = "plain")]
    mode: String,
}

#[derive(pest_derive::Parser)]
#[grammar_inline = "num = @{ ASCII_DIGIT+ }\nsum = { SOI ~ num ~ (\"+\" ~ num)* ~ EOI }\nWHITESPACE = _{ \" \" }"]
struct SumParser;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Config {
    name: String,
    level: u8,
    tags: Vec<String>,
}

#[derive(strum_macros::EnumIter, strum_macros::Display, Debug, Clone, Copy)]
enum Stage {
    Fetch,
    Plan,
    Build,
}

bitflags::bitflags! {
    struct Perms: u8 { const R = 4; const W = 2; const X = 1; }
}

#[derive(thiserror::Error, Debug)]
#[error("stage {0} failed")]
struct StageError(String);

static TABLE: once_cell::sync::Lazy<Vec<u64>> = once_cell::sync::Lazy::new(|| (1..=10).map(|i| i * i).collect());

fn kv(input: &str) -> nom::IResult<&str, (&str, &str)> {
    use nom::{bytes::complete::tag, character::complete::alphanumeric1, sequence::separated_pair};
    separated_pair(alphanumeric1, tag("="), alphanumeric1)(input)
}

async fn square(x: u64) -> u64 {
    tokio::task::yield_now().await;
    x * x
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse_from(["large-fixture", "--depth", "4"]);
    println!("clap: depth={} mode={}", args.depth, args.mode);
    env_logger::Builder::new().format(|b, r| writeln!(b, "log {}: {}", r.level(), r.args())).target(env_logger::Target::Stdout).filter_level(log::LevelFilter::Info).init();
    log::info!("logger ready");
    let sub = tracing_subscriber::fmt().without_time().with_ansi(false).with_target(false).with_writer(std::io::stdout).finish();
    tracing::subscriber::set_global_default(sub)?;
    tracing::info!(stages = Stage::iter().count(), "tracing ready");

    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let squares = rt.block_on(async {
        let handles: Vec<_> = (1..=5u64).map(|i| tokio::spawn(square(i))).collect();
        let mut out = Vec::new();
        for h in handles {
            out.push(h.await.unwrap());
        }
        out
    });
    println!("tokio: {:?}", squares);
    let fut = futures::executor::block_on(futures::future::join(async { 20 }, async { 22 }));
    println!("futures: {}", fut.0 + fut.1);

    let cfg = Config { name: "large".into(), level: 3, tags: vec!["a".into(), "b".into()] };
    let json = serde_json::to_string(&cfg)?;
    let yaml = serde_yaml::to_string(&cfg)?;
    let toml_text = toml::to_string(&cfg)?;
    assert_eq!(toml::from_str::<Config>(&toml_text)?, cfg);
    println!("json: {}\nyaml lines: {}\ntoml: {:?}", json, yaml.lines().count(), toml_text);
    let mut rdr = csv::Reader::from_reader("name,score\nann,7\nbob,9\n".as_bytes());
    let total: u32 = rdr.records().map(|r| r.unwrap()[1].parse::<u32>().unwrap()).sum();
    println!("csv total: {}", total);

    let date = chrono::NaiveDate::from_ymd_opt(2024, 2, 28).unwrap() + chrono::Duration::days(2);
    println!("chrono: {} {}", date.format("%Y-%m-%d"), serde_json::to_string(&date)?);
    println!("regex: {:?}", regex::Regex::new(r"\d+")?.find_iter("a1 b22 c333").map(|m| m.as_str()).collect::<Vec<_>>());
    println!("aho-corasick: {}", aho_corasick::AhoCorasick::new(["cargo", "rustc"]).find_iter("cargo calls rustc via cargo").count());
    println!("itertools: {}", (1..=6).tuple_windows().map(|(a, b)| a * b).join(","));
    println!("rayon: {}", (1..=10_000u64).into_par_iter().filter(|x| x % 7 == 0).sum::<u64>());
    let mut rng = rand::rngs::StdRng::seed_from_u64(42);
    println!("rand: {:?}", (0..4).map(|_| rng.gen_range(0..100)).collect::<Vec<u32>>());

    let mut g = petgraph::Graph::<&str, u32>::new();
    let (a, b, c) = (g.add_node("a"), g.add_node("b"), g.add_node("c"));
    g.extend_with_edges([(a, b, 1), (b, c, 2), (a, c, 5)]);
    let dist = petgraph::algo::dijkstra(&g, a, None, |e| *e.weight());
    println!("petgraph: a->c = {}", dist[&c]);
    println!("bigint: 30! = {}", (1..=30u32).fold(BigUint::from(1u32), |acc, i| acc * i));

    println!("sha256: {}", hex::encode(Sha256::digest(b"abc")));
    println!("md5: {}", hex::encode(Md5::digest(b"abc")));
    println!("base64: {}", base64::encode("cargo-recipe"));
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(&b"abcabcabc".repeat(50))?;
    let packed = enc.finish()?;
    let mut unpacked = String::new();
    flate2::read::ZlibDecoder::new(&packed[..]).read_to_string(&mut unpacked)?;
    println!("flate2: {} -> {} -> {}", unpacked.len(), packed.len(), unpacked.len());
    println!("byteorder: {}", BigEndian::read_u32(&[0, 0, 1, 2]));
    println!("uuid v5: {}", uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_DNS, b"example.org"));

    let url = url::Url::parse("https://example.org/a/b?x=1")?.join("../c")?;
    println!("url: {}", url);
    println!("semver: {}", semver::VersionReq::parse("^1.2")?.matches(&semver::Version::parse("1.4.0")?));
    println!("nom: {:?}", kv("key=value")?);
    let pairs = SumParser::parse(Rule::sum, "1 + 22 + 333")?;
    println!("pest: {}", pairs.flatten().filter(|p| p.as_rule() == Rule::num).map(|p| p.as_str().parse::<u64>().unwrap()).sum::<u64>());
    println!("textwrap: {:?}", textwrap::wrap("the quick brown fox jumps over the lazy dog", 12));
    println!("graphemes: {}", "e\u{301}a\u{308}".graphemes(true).count());
    let mut im = indexmap::IndexMap::new();
    im.insert("z", 1);
    im.insert("a", 2);
    println!("indexmap: {}", serde_json::to_string(&im)?);
    let sv: smallvec::SmallVec<[u8; 4]> = smallvec::smallvec![1, 2, 3];
    println!("smallvec: {:?} spilled={}", sv, sv.spilled());
    println!("bitflags: {:?} {}", Perms::R | Perms::X, (Perms::R | Perms::W).bits());
    println!("stages: {}", Stage::iter().map(|s| s.to_string()).join(" -> "));
    println!("error: {}", StageError(Stage::Build.to_string()));
    println!("once_cell: {}", TABLE.iter().sum::<u64>());
    let (tx, rx) = crossbeam::channel::unbounded();
    crossbeam::scope(|s| {
        for i in 0..3u32 {
            let tx = tx.clone();
            s.spawn(move |_| tx.send(i * 10).unwrap());
        }
    })
    .unwrap();
    drop(tx);
    let mut got: Vec<u32> = rx.iter().collect();
    got.sort();
    let mut counts = BTreeMap::new();
    for w in "a b a c b a".split(' ') {
        *counts.entry(w).or_insert(0) += 1;
    }
    println!("crossbeam: {:?} counts: {:?}", got, counts);
    Ok(())
}
