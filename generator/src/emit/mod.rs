//! Emitters: each turns the model into files of one kind under `generated/`.
pub mod docs;
pub mod rust;
pub mod snippets;
