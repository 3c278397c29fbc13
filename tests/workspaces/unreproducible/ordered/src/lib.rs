//! The output of `order_macro::names!()`: `NAMES`, `COUNT`, `TABLE`, `alpha()`…, `value_of`, in
//! the order of a `HashMap` iteration inside the compiler, so this crate's rlib differs between
//! builds with identical inputs.

order_macro::names!();
