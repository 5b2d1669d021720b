//! What each generated file is and where it goes: every file is made with its [`FileKind`], which formats its path; the manifest and ownership read the kind, and only files found on disk are parsed back ([`FileKind::parse`]).

use crate::target::{Language, Style};

/// The Rust client crate's directory in the output.
pub const RUST_DIR: &str = "rust";

/// One generated file's kind, with what the emitter knew when it made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind<'a> {
    /// `snippets/<style>/<language>/<example>.<ext>`.
    Snippet { action: Option<&'a str>, example: &'a str, language: Language, style: Style },
    /// `docs/includes/snippets/<language>/<stem>-<language>-snippets.md`, the stem being
    /// the example's name as the docs repository spells it (`model::include_stem`);
    /// under `docs/snapshot/` for the page's generation.
    DocsInclude { action: Option<&'a str>, example: &'a str, language: Language, style: Style },
    /// `docs/api/<page>.md`.
    DocsPage { page: &'a str, style: Style },
    /// `docs/preview/<page>.html`.
    DocsPreview { page: &'a str, style: Style },
    /// `docs/includes/permissions/<page>-permissions.md`.
    DocsPermissions { page: &'a str, style: Style },
    /// The previews' shared files: `docs/preview/<name>`.
    DocsAsset { name: &'a str, style: Style },
    /// A file of the Rust client crate: `rust/<rel>`.
    RustClient { rel: &'a str },
    /// `manifest.json`.
    Manifest,
}

/// `docs/` for today's SDKs, `docs/snapshot/` for the reference page's.
pub fn docs_root(style: Style) -> &'static str {
    match style {
        Style::Current => "docs/",
        Style::Page => "docs/snapshot/",
    }
}

impl FileKind<'_> {
    /// The file's path in the output directory, with `/`.
    pub fn path(&self) -> String {
        match *self {
            FileKind::Snippet { example, language, style, .. } => {
                format!("snippets/{}/{}/{example}.{}", style.id(), language.id(), language.ext())
            }
            FileKind::DocsInclude { example, language, style, .. } => {
                format!("{}includes/snippets/{}", docs_root(style), include_name(example, language))
            }
            FileKind::DocsPage { page, style } => format!("{}api/{page}.md", docs_root(style)),
            FileKind::DocsPreview { page, style } => format!("{}preview/{page}.html", docs_root(style)),
            FileKind::DocsPermissions { page, style } => format!("{}includes/permissions/{page}-permissions.md", docs_root(style)),
            FileKind::DocsAsset { name, style } => format!("{}preview/{name}", docs_root(style)),
            FileKind::RustClient { rel } => format!("{RUST_DIR}/{rel}"),
            FileKind::Manifest => crate::manifest::PATH.to_owned(),
        }
    }

    /// The kind of a file found on disk, read off its place (the only place paths are
    /// parsed: files this run makes carry their kind). An include's example is its stem,
    /// and no action is known; a path of no kind is `None`.
    pub fn parse(path: &str) -> Option<FileKind<'_>> {
        let (style, rest) = match path.strip_prefix("docs/snapshot/") {
            Some(rest) => (Style::Page, rest),
            None => (Style::Current, path.strip_prefix("docs/").unwrap_or(path)),
        };
        let in_docs = path.starts_with("docs/");
        let parts: Vec<&str> = rest.split('/').collect();
        match (in_docs, parts.as_slice()) {
            (false, ["snippets", style, language, file]) => {
                let (language, style) = (Language::from_id(language)?, Style::from_id(style)?);
                let example = file.strip_suffix(language.ext())?.strip_suffix('.')?;
                Some(FileKind::Snippet { action: None, example, language, style })
            }
            (true, ["includes", "snippets", language_id, file]) => {
                let language = Language::from_id(language_id)?;
                let example = file.strip_suffix("-snippets.md")?.strip_suffix(language_id)?.strip_suffix('-')?;
                Some(FileKind::DocsInclude { action: None, example, language, style })
            }
            (true, ["includes", "permissions", file]) => {
                Some(FileKind::DocsPermissions { page: file.strip_suffix("-permissions.md")?, style })
            }
            (true, ["api", file]) => Some(FileKind::DocsPage { page: file.strip_suffix(".md")?, style }),
            (true, ["preview", file]) => match file.strip_suffix(".html") {
                Some(page) => Some(FileKind::DocsPreview { page, style }),
                None => Some(FileKind::DocsAsset { name: file, style }),
            },
            (false, [RUST_DIR, ..]) => Some(FileKind::RustClient { rel: &path[RUST_DIR.len() + 1..] }),
            (false, [crate::manifest::PATH]) => Some(FileKind::Manifest),
            _ => None,
        }
    }
}

/// Where an example's include file goes under `includes/snippets/`, as the docs pipeline
/// names it: `go/call-reject-go-snippets.md`.
pub fn include_name(example_name: &str, language: Language) -> String {
    format!("{0}/{1}-{0}-snippets.md", language.id(), crate::model::include_stem(example_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_parses_back_from_its_path() {
        let kinds = [
            FileKind::Snippet { action: None, example: "call-reject", language: Language::CSharp, style: Style::Page },
            FileKind::Snippet { action: None, example: "call-reject", language: Language::Php, style: Style::Current },
            FileKind::DocsInclude { action: None, example: "call-reject-none-reason", language: Language::Go, style: Style::Current },
            FileKind::DocsInclude { action: None, example: "call-reject", language: Language::ObjC, style: Style::Page },
            FileKind::DocsPage { page: "call-reject", style: Style::Current },
            FileKind::DocsPage { page: "call-reject", style: Style::Page },
            FileKind::DocsPreview { page: "call-reject", style: Style::Page },
            FileKind::DocsPermissions { page: "call-reject", style: Style::Current },
            FileKind::DocsAsset { name: "preview.css", style: Style::Current },
            FileKind::RustClient { rel: "src/lib.rs" },
            FileKind::Manifest,
        ];
        for kind in kinds {
            let path = kind.path();
            assert_eq!(FileKind::parse(&path), Some(kind), "{path}");
        }
        assert_eq!(
            FileKind::DocsInclude { action: None, example: "x", language: Language::Cli, style: Style::Current }.path(),
            "docs/includes/snippets/cli/x-cli-snippets.md"
        );
        assert_eq!(FileKind::parse("elsewhere.txt"), None);
        assert_eq!(FileKind::parse("snippets/current/cobol/x.cob"), None);
        assert_eq!(FileKind::parse("docs/includes/snippets/go/x-java-snippets.md"), None);
    }
}
