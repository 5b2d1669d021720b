//! What a run generates and how: the selection of languages and styles, and the settings generated output depends on besides the spec.

/// The command every file's header names when `sdkgen.toml` names none.
pub const DEFAULT_REGENERATE: &str = "sdkgen generate";

use crate::layout::FileKind;
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

    /// Whether a file of `kind` belongs to this selection: a run may write or remove only
    /// such files.
    pub fn owns_kind(&self, kind: &FileKind) -> bool {
        if self.is_everything() {
            return true;
        }
        match *kind {
            FileKind::Snippet { language, style, .. } | FileKind::DocsInclude { language, style, .. } => {
                self.languages.contains(&language) && self.styles.contains(&style)
            }
            FileKind::RustClient { .. } => self.client,
            _ => false,
        }
    }

    /// Whether a file found under `generated/` belongs to this selection, by the kind its
    /// place says it is (see [`FileKind::parse`]).
    pub fn owns(&self, path: &str) -> bool {
        self.is_everything() || FileKind::parse(path).is_some_and(|k| self.owns_kind(&k))
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
    /// The Rust crate's license, an SPDX expression.
    pub license: String,
    /// The Rust crate's one-line description; a generic one when unset.
    pub description: Option<String>,
    /// The Rust crate's source repository, an `https://` URL.
    pub repository: Option<String>,
    /// How the Rust crate gets `sdkgen-runtime`.
    pub runtime: RuntimeMode,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            regenerate: DEFAULT_REGENERATE.to_owned(),
            crate_name: None,
            crate_version: "0.1.0".to_owned(),
            license: "MIT".to_owned(),
            description: None,
            repository: None,
            // Vendored until sdkgen-runtime is on crates.io: a crate generated with the
            // defaults must build outside this repository.
            runtime: RuntimeMode::Vendored,
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
