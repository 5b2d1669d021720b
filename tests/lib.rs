//! Helpers shared by the end-to-end tests: where the repository's pieces are.

use std::path::PathBuf;

/// The repository root (this crate lives in `tests/`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// The shipped spec, loaded and validated; panics with the rendered errors otherwise.
pub fn shipped_model() -> sdkgen::model::Model {
    sdkgen::load_model(&root().join("spec")).unwrap_or_else(|e| panic!("the shipped spec is invalid:\n{e}"))
}

/// A fixture file's text.
pub fn fixture(rel: &str) -> String {
    let p = root().join("tests/fixtures").join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}
