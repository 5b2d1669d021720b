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

/// What generated output depends on besides the spec: chosen in `sdkgen.toml`, never by
/// how sdkgen was invoked, so the same settings give the same bytes from anywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The command every file's header names.
    pub regenerate: String,
    /// The Rust crate's name; `graph-<api version>` when unset.
    pub crate_name: Option<String>,
    /// The Rust crate's version.
    pub crate_version: String,
    /// How the Rust crate gets `sdkgen-runtime`.
    pub runtime: RuntimeMode,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            regenerate: config::DEFAULT_REGENERATE.to_owned(),
            crate_name: None,
            crate_version: "0.1.0".to_owned(),
            runtime: RuntimeMode::Versioned,
        }
    }
}

/// Where a generated Rust crate's runtime comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuntimeMode {
    /// A dependency on `sdkgen-runtime` by version, as from crates.io (this repository
    /// points it at `runtime/` with a `[patch]`).
    Versioned,
    /// A copy of the runtime inside the generated crate's directory: builds anywhere with
    /// nothing but crates.io's common crates.
    Vendored,
}

/// Everything generated from a model with the default settings, as an in-memory tree
/// relative to the output directory.
///
/// ```
/// let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
/// let model = sdkgen::load_model(&spec).expect("the shipped spec is valid");
/// let tree = sdkgen::generate(&model);
/// assert!(tree["rust/src/client.rs"].contains("pub async fn call_reject"));
/// assert!(tree.contains_key("snippets/current/go/call-reject.go"));
/// ```
pub fn generate(model: &model::Model) -> output::Tree {
    generate_selected(model, &Selection::default(), &Settings::default())
}

/// The files of `selection`, each headed by the command `settings` names.
pub fn generate_selected(model: &model::Model, selection: &Selection, settings: &Settings) -> output::Tree {
    let cmd = settings.regenerate.as_str();
    let mut tree = output::Tree::new();
    if selection.is_everything() {
        emit::rust::emit(model, settings, &mut tree);
    }
    emit::snippets::emit(model, &selection.languages, &selection.styles, cmd, &mut tree);
    emit::docs::emit(model, cmd, &mut tree);
    if selection.is_everything() {
        manifest::emit(model, cmd, &mut tree);
    }
    tree.retain(|path, _| selection.owns(path));
    tree
}
