//! `words!(a b c)` expands to the number of words it was given and their text, joined: code the
//! compiler runs on the build machine while the crate that calls it is built for the target.
use proc_macro::TokenStream;

#[proc_macro]
pub fn words(input: TokenStream) -> TokenStream {
    let words: Vec<String> = input.into_iter().map(|token| token.to_string()).collect();
    format!("({}usize, {:?})", words.len(), words.join(" ")).parse().unwrap()
}
