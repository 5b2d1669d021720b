//! A Graph client generated at build time by `build.rs` from the spec in `../../spec`.
//!
//! The generated source is included at the crate root (its paths start at `crate::`).
#![deny(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/graph.rs"));
