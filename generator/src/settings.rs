//! What a run generates and how: the selection of languages and styles, and the settings generated output depends on besides the spec.

/// The command every file's header names when `sdkgen.toml` names none.
pub const DEFAULT_REGENERATE: &str = "sdkgen generate";

use crate::target::{Language, Style};

/// What to generate: everything by default; `--lang` narrows it to those languages'
/// snippet files (and their docs includes), `--rust` to the Rust client, leaving every
/// other file alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub languages: Vec<Language>,
    pub styles: Vec<Style>,
    /// Whether the Rust client crate is included.
    pub client: bool,
}

impl Default for Selection {
    fn default() -> Self {
        Selection { languages: Language::ALL.to_vec(), styles: Style::ALL.to_vec(), client: true }
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
        match crate::manifest::classify(path) {
            crate::manifest::Kind::Snippet { language, style, .. } => {
                self.languages.iter().any(|l| l.id() == language) && self.styles.iter().any(|s| s.id() == style)
            }
            crate::manifest::Kind::DocsInclude { style, language, .. } => {
                self.languages.iter().any(|l| l.id() == language) && self.styles.iter().any(|s| s.id() == style)
            }
            crate::manifest::Kind::RustClient => self.client,
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
            regenerate: DEFAULT_REGENERATE.to_owned(),
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
