fn main() {
    twobins::main_of(env!("CARGO_BIN_NAME"));
}
