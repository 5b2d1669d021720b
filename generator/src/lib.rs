//! sdkgen: YAML descriptions of Graph-style API actions → a Rust client, snippets and docs.
pub mod cli;
pub mod diag;
pub mod emit;
pub mod lang;
pub mod model;
pub mod output;
pub mod spec;
pub mod validate;

use std::path::Path;

/// Loads and validates the spec at `path` (a file or a directory of `*.yaml`).
pub fn load_model(path: &Path) -> Result<model::Model, diag::SpecErrors> {
    validate::validate(spec::load(path)?)
}

/// Everything generated from a model, as an in-memory tree relative to `generated/`.
pub fn generate(model: &model::Model) -> output::Tree {
    let mut tree = output::Tree::new();
    emit::rust::emit(model, &mut tree);
    emit::snippets::emit(model, &emit::snippets::Language::ALL, &emit::snippets::Style::ALL, &mut tree);
    tree
}
