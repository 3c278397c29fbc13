//! `names!()`: deliberately NOT reproducible. The macro collects fixed entries into a
//! `HashMap` with the default `RandomState`, whose seed is new in every rustc process, and emits
//! the items in iteration order: the same set of names, in a different order on every build.
//! Std only (the `proc_macro` crate, no syn/quote); this crate's own output is reproducible.

use proc_macro::TokenStream;
use std::collections::HashMap;
use std::fmt::Write;

const ENTRIES: [(&str, u32); 12] = [
    ("alpha", 1),
    ("bravo", 2),
    ("charlie", 3),
    ("delta", 4),
    ("echo", 5),
    ("foxtrot", 6),
    ("golf", 7),
    ("hotel", 8),
    ("india", 9),
    ("juliett", 10),
    ("kilo", 11),
    ("lima", 12),
];

/// Expands to `NAMES`, `COUNT`, `TABLE`, one `pub fn NAME() -> u32` per entry and `value_of`,
/// every list in `HashMap` iteration order.
#[proc_macro]
pub fn names(input: TokenStream) -> TokenStream {
    if !input.is_empty() {
        return "compile_error!(\"names!() takes no arguments\");".parse().unwrap();
    }
    let mut map: HashMap<&'static str, u32> = HashMap::new();
    for &(name, value) in ENTRIES.iter() {
        map.insert(name, value);
    }
    let entries: Vec<(&str, u32)> = map.iter().map(|(name, value)| (*name, *value)).collect();

    let list: Vec<&str> = entries.iter().map(|(name, _)| *name).collect();
    let mut code = String::new();
    writeln!(code, "pub const NAMES: &str = {:?};", list.join(",")).unwrap();
    writeln!(code, "pub const COUNT: usize = {};", entries.len()).unwrap();
    write!(code, "pub static TABLE: [(&str, u32); {}] = [", entries.len()).unwrap();
    for (name, value) in &entries {
        write!(code, "({:?}, {}), ", name, value).unwrap();
    }
    code.push_str("];\n");
    for (name, value) in &entries {
        writeln!(code, "pub fn {}() -> u32 {{ {} }}", name, value).unwrap();
    }
    code.push_str("pub fn value_of(name: &str) -> Option<u32> {\n    match name {\n");
    for (name, value) in &entries {
        writeln!(code, "        {:?} => Some({}),", name, value).unwrap();
    }
    code.push_str("        _ => None,\n    }\n}\n");
    code.parse().unwrap()
}
