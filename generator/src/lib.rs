//! sdkgen: YAML descriptions of Graph-style API actions → a Rust client, snippets and docs.
pub mod diag;
pub mod model;
pub mod spec;
pub mod validate;

use std::path::Path;

/// Loads and validates the spec at `path` (a file or a directory of `*.yaml`).
pub fn load_model(path: &Path) -> Result<model::Model, diag::SpecErrors> {
    validate::validate(spec::load(path)?)
}
