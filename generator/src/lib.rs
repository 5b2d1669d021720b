//! sdkgen: YAML descriptions of Graph-style API actions → a Rust client, snippets and docs.
pub mod cli;
pub mod config;
pub mod diag;
pub mod emit;
pub mod lang;
pub mod manifest;
pub mod model;
pub mod outdir;
pub mod output;
pub mod spec;
pub mod validate;

use std::path::Path;

/// Loads and validates the spec at `path` (a file or a directory of `*.yaml`).
pub fn load_model(path: &Path) -> Result<model::Model, diag::SpecErrors> {
    validate::validate(spec::load(path)?)
}

use emit::snippets::{Language, Style};

/// What to generate: everything by default; `--lang` narrows it to those languages'
/// snippet files (and their docs includes), leaving every other file alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub languages: Vec<Language>,
    pub styles: Vec<Style>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection { languages: Language::ALL.to_vec(), styles: Style::ALL.to_vec() }
    }
}

impl Selection {
    /// Whether this is the whole output (then the client, docs and manifest are included).
    pub fn is_everything(&self) -> bool {
        *self == Selection::default()
    }

    /// Whether a file under `generated/` belongs to this selection: a run may write or
    /// remove only such files.
    pub fn owns(&self, path: &str) -> bool {
        if self.is_everything() {
            return true;
        }
        match manifest::classify(path) {
            manifest::Kind::Snippet { language, style, .. } => {
                self.languages.iter().any(|l| l.id() == language) && self.styles.iter().any(|s| s.id() == style)
            }
            manifest::Kind::DocsInclude { style, language, .. } => {
                self.languages.iter().any(|l| l.id() == language) && self.styles.iter().any(|s| s.id() == style)
            }
            _ => false,
        }
    }
}

/// Everything generated from the shipped spec's model for `generated/`, as an in-memory
/// tree relative to it.
pub fn generate(model: &model::Model) -> output::Tree {
    generate_selected(model, &Selection::default(), output::REGENERATE)
}

/// The files of `selection`, each headed by `cmd`, the command that regenerates it.
pub fn generate_selected(model: &model::Model, selection: &Selection, cmd: &str) -> output::Tree {
    let mut tree = output::Tree::new();
    if selection.is_everything() {
        emit::rust::emit(model, cmd, &mut tree);
    }
    emit::snippets::emit(model, &selection.languages, &selection.styles, cmd, &mut tree);
    emit::docs::emit(model, cmd, &mut tree);
    if selection.is_everything() {
        manifest::emit(model, cmd, &mut tree);
    }
    tree.retain(|path, _| selection.owns(path));
    tree
}
