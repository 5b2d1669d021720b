//! `generated/manifest.json`: every generated file with its action, example, language,
//! style and content hash, for docs pipelines.

use crate::model::Model;
use crate::output::Sink;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

pub const PATH: &str = "manifest.json";

/// What a generated file is, read off its place in the layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind<'a> {
    Snippet { style: &'a str, language: &'a str, example: &'a str },
    DocsInclude { style: &'a str, language: &'a str, example: &'a str },
    DocsPage { style: &'a str, action: &'a str },
    DocsPreview { style: &'a str, action: &'a str },
    RustClient,
    Manifest,
    Other,
}

/// The layout is `snippets/<style>/<language>/<example>.<ext>`,
/// `docs/includes/snippets/<language>/<example>-<language>-snippets.md`,
/// `docs/api/<action>.md`, `docs/preview/<action>.html` (today's SDKs), the same under
/// `docs/snapshot/` (the reference page's SDKs), `rust/…`.
pub fn classify(path: &str) -> Kind<'_> {
    let all: Vec<&str> = path.split('/').collect();
    let (style, parts) = match all.as_slice() {
        ["docs", "snapshot", rest @ ..] => ("page", [&["docs"][..], rest].concat()),
        _ => ("current", all.clone()),
    };
    match parts.as_slice() {
        ["snippets", style, language, file] => {
            let example = file.rsplit_once('.').map(|(s, _)| s).unwrap_or(file);
            Kind::Snippet { style, language, example }
        }
        ["docs", "includes", "snippets", language, file] => {
            let suffix = format!("-{language}-snippets.md");
            match file.strip_suffix(suffix.as_str()) {
                Some(example) => Kind::DocsInclude { style, language, example },
                None => Kind::Other,
            }
        }
        ["docs", "api", file] => file.strip_suffix(".md").map_or(Kind::Other, |action| Kind::DocsPage { style, action }),
        ["docs", "preview", file] => file.strip_suffix(".html").map_or(Kind::Other, |action| Kind::DocsPreview { style, action }),
        ["rust", ..] => Kind::RustClient,
        [PATH] => Kind::Manifest,
        _ => Kind::Other,
    }
}

/// Bytes (a sha256) as lower-case hex, the manifest's spelling.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// A manifest as read back: sdkgen's, and the files it lists. Only these fields are
/// parsed (a large spec's manifest lists hundreds of thousands of files; a JSON tree of it
/// would take several times the file's size).
#[derive(serde::Deserialize)]
pub struct Listing {
    #[serde(rename = "generatedBy")]
    pub generated_by: String,
    pub files: Vec<Listed>,
}

/// One file of a [`Listing`].
#[derive(serde::Deserialize)]
pub struct Listed {
    pub path: String,
    pub sha256: String,
}

/// The listing of a manifest's bytes, when they are sdkgen's manifest.
pub fn read_listing(bytes: &[u8]) -> Option<Listing> {
    serde_json::from_slice::<Listing>(bytes).ok().filter(|l| l.generated_by == "sdkgen")
}

/// Passes every file on to `inner` and keeps one manifest line for it, so the manifest
/// costs a line per file, never the files themselves; [`Collector::finish`] writes it.
pub struct Collector<'a> {
    inner: &'a mut dyn Sink,
    /// Example name → its action's id: one map, not a search of every action per file.
    actions: HashMap<String, String>,
    /// (path, sha256) per file; the rest of its line is read off the path at the end.
    files: Vec<(String, [u8; 32])>,
}

impl<'a> Collector<'a> {
    /// Keeps what it needs of `model` (which example is whose), so the model may be
    /// dropped before [`Collector::finish`].
    pub fn new(model: &Model, inner: &'a mut dyn Sink) -> Self {
        let actions = model.actions.iter().flat_map(|a| a.examples.iter().map(move |e| (e.name.clone(), a.id()))).collect();
        Collector { inner, actions, files: Vec::new() }
    }

    /// Writes the manifest: every file, in path order, one compact line each (a large
    /// spec's manifest is the largest file; pretty-printed it would be three times that).
    pub fn finish(mut self, cmd: &str) {
        self.files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let head = json!({
            "generatedBy": "sdkgen",
            "sdkgenVersion": env!("CARGO_PKG_VERSION"),
            "specFormat": crate::spec::FORMAT_VERSION,
            "regenerate": cmd,
            "hash": "sha256 of the file's bytes as written, header included",
        });
        let head = serde_json::to_string_pretty(&head).unwrap_or_default();
        // Sized exactly before it is filled (each line is made twice): a growing string
        // of a large spec's manifest would briefly need three times its size.
        let mut line = String::new();
        let mut size = head.len() + 32;
        for (path, sha) in &self.files {
            line.clear();
            self.line(path, sha, &mut line);
            size += line.len() + 6;
        }
        let mut text = String::with_capacity(size);
        text.push_str(head.strip_suffix("\n}").unwrap_or(&head));
        text.push_str(",\n  \"files\": [");
        // Each path is freed as its line is written, so the paths and the text they become
        // are not both held at their full size.
        let files = std::mem::take(&mut self.files);
        let empty = files.is_empty();
        for (i, (path, sha)) in files.into_iter().enumerate() {
            text.push_str(if i == 0 { "\n    " } else { ",\n    " });
            self.line(&path, &sha, &mut text);
        }
        text.push_str(if empty { "]\n}\n" } else { "\n  ]\n}\n" });
        self.inner.put(PATH.to_owned(), text);
    }

    /// Appends the file's line: `{"kind":…,…,"path":…,"sha256":…}`.
    fn line(&self, path: &str, sha: &[u8; 32], out: &mut String) {
        let action_of = |example: &str| self.actions.get(example).map(String::as_str);
        let mut fields: Vec<(&str, Option<&str>)> = Vec::with_capacity(7);
        match classify(path) {
            Kind::Snippet { style, language, example } => fields.extend([
                ("kind", Some("snippet")),
                ("action", action_of(example)),
                ("example", Some(example)),
                ("language", Some(language)),
                ("style", Some(style)),
            ]),
            Kind::DocsInclude { style, language, example } => fields.extend([
                ("kind", Some("docs-include")),
                ("action", action_of(example)),
                ("example", Some(example)),
                ("language", Some(language)),
                ("style", Some(style)),
            ]),
            Kind::DocsPage { style, action } => {
                fields.extend([("kind", Some("docs-page")), ("action", Some(action)), ("style", Some(style))])
            }
            Kind::DocsPreview { style, action } => {
                fields.extend([("kind", Some("docs-preview")), ("action", Some(action)), ("style", Some(style))])
            }
            Kind::RustClient => fields.push(("kind", Some("rust-client"))),
            Kind::Manifest | Kind::Other => fields.push(("kind", Some("other"))),
        }
        let hex = hex(sha);
        fields.extend([("path", Some(path)), ("sha256", Some(hex.as_str()))]);
        out.push('{');
        for (i, (key, value)) in fields.into_iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('"');
            out.push_str(key);
            out.push_str("\":");
            // serde_json escapes the value for a JSON string, whatever the spec named.
            match value {
                Some(v) => out.push_str(&Value::from(v).to_string()),
                None => out.push_str("null"),
            }
        }
        out.push('}');
    }
}

impl Sink for Collector<'_> {
    fn put(&mut self, path: String, text: String) {
        self.files.push((path.clone(), Sha256::digest(text.as_bytes()).into()));
        self.inner.put(path, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_classified() {
        assert_eq!(
            classify("snippets/page/csharp/call-reject.cs"),
            Kind::Snippet { style: "page", language: "csharp", example: "call-reject" }
        );
        assert_eq!(
            classify("docs/includes/snippets/go/call-reject-none-reason-go-snippets.md"),
            Kind::DocsInclude { style: "current", language: "go", example: "call-reject-none-reason" }
        );
        assert_eq!(
            classify("docs/snapshot/includes/snippets/objc/call-reject-objc-snippets.md"),
            Kind::DocsInclude { style: "page", language: "objc", example: "call-reject" }
        );
        assert_eq!(classify("docs/api/call-reject.md"), Kind::DocsPage { style: "current", action: "call-reject" });
        assert_eq!(classify("docs/snapshot/api/call-reject.md"), Kind::DocsPage { style: "page", action: "call-reject" });
        assert_eq!(classify("rust/src/lib.rs"), Kind::RustClient);
        assert_eq!(classify("elsewhere.txt"), Kind::Other);
    }
}
