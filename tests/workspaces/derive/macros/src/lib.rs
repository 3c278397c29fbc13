//! A tiny local derive: `#[derive(FieldNames)]` adds `fn field_names() -> &'static [&'static str]`.
use proc_macro::TokenStream;
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields};

#[proc_macro_derive(FieldNames)]
pub fn field_names(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let name = &input.ident;
    let names: Vec<String> = match &input.data {
        Data::Struct(s) => match &s.fields {
            Fields::Named(f) => f.named.iter().map(|f| f.ident.as_ref().unwrap().to_string()).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let expanded: proc_macro2::TokenStream = quote! {
        impl #name {
            pub fn field_names() -> &'static [&'static str] { &[#(#names),*] }
        }
    };
    expanded.into()
}
