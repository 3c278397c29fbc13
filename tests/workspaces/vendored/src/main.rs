// Builds one logger from each env_logger version and logs through the newer one: the line it
// prints is fixed (no timestamp, no colour), so a recipe build and cargo's print the same.
use std::io::Write;

fn main() {
    let _older = env_logger_07::Builder::new().is_test(true).build();
    let mut builder = env_logger::Builder::new();
    builder
        .format(|out, record| writeln!(out, "{}: {}", record.level(), record.args()))
        .filter_level(log::LevelFilter::Info)
        .target(env_logger::Target::Stdout)
        .init();
    log::info!("logged through env_logger 0.9, beside env_logger 0.7");
}
