use serde::Serialize;
use thiserror::Error;

#[derive(Error, Debug)]
enum Problem {
    #[error("value {0} is odd")]
    Odd(u64),
}

#[derive(Serialize)]
struct Line {
    value: String,
    verdict: String,
}

fn check(n: u64) -> Result<u64, Problem> {
    if n % 2 == 0 {
        Ok(n / 2)
    } else {
        Err(Problem::Odd(n))
    }
}

fn main() {
    // The strategy the binary was built with: a recipe that loses `panic = "abort"` prints unwind.
    println!("panic strategy: {}", if cfg!(panic = "abort") { "abort" } else { "unwind" });
    let mut buffer = itoa::Buffer::new();
    for n in [10u64, 7, 1 << 40] {
        let verdict = match check(n) {
            Ok(half) => format!("half is {half}"),
            Err(problem) => problem.to_string(),
        };
        let line = Line { value: buffer.format(n).to_string(), verdict };
        println!("{}", serde_json::to_string(&line).unwrap());
    }
}
