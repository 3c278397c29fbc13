use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/squares.rs"));

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Report {
    name: String,
    squares: Vec<u32>,
    opt_level: String,
}

fn main() {
    let report = Report {
        name: "thin".to_string(),
        squares: SQUARES.to_vec(),
        opt_level: env!("LTO_THIN_OPT_LEVEL").to_string(),
    };
    let json = serde_json::to_string(&report).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
    println!("{json}");
}
