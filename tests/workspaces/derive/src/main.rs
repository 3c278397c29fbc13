use clap::Parser;
use derive_macros::FieldNames;
use serde::{Deserialize, Serialize};

#[derive(Parser, Debug)]
#[command(name = "derive-fixture")]
struct Args {
    #[arg(short, long, default_value_t = 3)]
    count: u32,
    #[arg(long)]
    name: String,
    #[arg(short, long)]
    verbose: bool,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, FieldNames)]
struct Point {
    x: i64,
    y: i64,
    #[serde(rename = "label")]
    tag: Option<String>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Shape {
    Circle { center: Point, radius: u32 },
    Polygon { points: Vec<Point> },
}

#[derive(thiserror::Error, Debug)]
enum FixtureError {
    #[error("bad count {0}")]
    BadCount(u32),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

fn run(args: &Args) -> Result<String, FixtureError> {
    if args.count == 0 {
        return Err(FixtureError::BadCount(args.count));
    }
    let points: Vec<Point> = (0..args.count as i64)
        .map(|i| Point { x: i, y: i * i, tag: if i % 2 == 0 { Some(format!("p{}", i)) } else { None } })
        .collect();
    let shapes = vec![
        Shape::Circle { center: Point { x: 1, y: 2, tag: None }, radius: 7 },
        Shape::Polygon { points },
    ];
    let text = serde_json::to_string(&shapes)?;
    let back: Vec<Shape> = serde_json::from_str(&text)?;
    assert_eq!(back, shapes);
    Ok(text)
}

fn main() {
    let args = Args::parse_from(["derive-fixture", "--count", "4", "--name", "demo", "-v"]);
    println!("args: count={} name={} verbose={}", args.count, args.name, args.verbose);
    println!("fields: {:?}", Point::field_names());
    match run(&args) {
        Ok(text) => println!("json: {}", text),
        Err(e) => println!("error: {}", e),
    }
    let zero = Args { count: 0, name: String::new(), verbose: false };
    println!("zero: {}", run(&zero).unwrap_err());
    let bad: Result<Point, FixtureError> = serde_json::from_str::<Point>("{\"x\":1}").map_err(FixtureError::from);
    println!("bad: {}", bad.unwrap_err());
}
