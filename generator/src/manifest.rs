//! `generated/manifest.json`: every generated file with its action, example, language,
//! style and content hash, for docs pipelines.

use crate::layout::FileKind;
use crate::model::Model;
use crate::output::Sink;
use crate::target::{Language, Style};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

pub const PATH: &str = "manifest.json";

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
    /// Every action's id, example name and page name, once: the entries point into it.
    names: Vec<String>,
    index: HashMap<String, u32>,
    files: Vec<Entry>,
}

/// A manifest line before it is written: the path, its hash, and the kind's fields as
/// indexes into [`Collector::names`] (a large spec's manifest lists hundreds of
/// thousands of files).
struct Entry {
    path: String,
    sha: [u8; 32],
    kind: &'static str,
    action: Option<u32>,
    example: Option<u32>,
    language: Option<Language>,
    style: Option<Style>,
}

impl<'a> Collector<'a> {
    /// Keeps what it needs of `model` (the names its files are made for), so the model
    /// may be dropped before [`Collector::finish`].
    pub fn new(model: &Model, inner: &'a mut dyn Sink) -> Self {
        let mut c = Collector { inner, names: Vec::new(), index: HashMap::new(), files: Vec::new() };
        for a in &model.actions {
            c.intern(&a.id());
            c.intern(a.page_name());
            for e in &a.examples {
                c.intern(&e.name);
            }
        }
        c
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.to_owned());
        self.index.insert(name.to_owned(), i);
        i
    }

    /// Writes the manifest: every file, in path order, one compact line each (a large
    /// spec's manifest is the largest file; pretty-printed it would be three times that).
    pub fn finish(mut self, cmd: &str) {
        self.index = HashMap::new();
        self.files.sort_unstable_by(|a, b| a.path.cmp(&b.path));
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
        for entry in &self.files {
            line.clear();
            self.line(entry, &mut line);
            size += line.len() + 6;
        }
        let mut text = String::with_capacity(size);
        text.push_str(head.strip_suffix("\n}").unwrap_or(&head));
        text.push_str(",\n  \"files\": [");
        // Each path is freed as its line is written, so the paths and the text they become
        // are not both held at their full size.
        let files = std::mem::take(&mut self.files);
        let empty = files.is_empty();
        for (i, entry) in files.into_iter().enumerate() {
            text.push_str(if i == 0 { "\n    " } else { ",\n    " });
            self.line(&entry, &mut text);
        }
        text.push_str(if empty { "]\n}\n" } else { "\n  ]\n}\n" });
        self.inner.file(FileKind::Manifest, text);
    }

    /// Appends the file's line: `{"kind":…,…,"path":…,"sha256":…}`.
    fn line(&self, e: &Entry, out: &mut String) {
        let name = |i: Option<u32>| i.and_then(|i| self.names.get(i as usize)).map(String::as_str);
        let mut fields: Vec<(&str, Option<&str>)> = Vec::with_capacity(7);
        fields.push(("kind", Some(e.kind)));
        match e.kind {
            "snippet" | "docs-include" => fields.extend([
                ("action", name(e.action)),
                ("example", name(e.example)),
                ("language", e.language.map(Language::id)),
                ("style", e.style.map(Style::id)),
            ]),
            "docs-page" | "docs-preview" => fields.extend([("action", name(e.action)), ("style", e.style.map(Style::id))]),
            _ => {}
        }
        let hex = hex(&e.sha);
        fields.extend([("path", Some(e.path.as_str())), ("sha256", Some(hex.as_str()))]);
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

    /// The entry of one file, from its kind.
    fn entry(&mut self, kind: &FileKind, path: String, text: &str) -> Entry {
        let sha = Sha256::digest(text.as_bytes()).into();
        let mut e = Entry { path, sha, kind: "other", action: None, example: None, language: None, style: None };
        match *kind {
            FileKind::Snippet { action, example, language, style } | FileKind::DocsInclude { action, example, language, style } => {
                e.kind = if matches!(kind, FileKind::Snippet { .. }) { "snippet" } else { "docs-include" };
                e.action = action.map(|a| self.intern(a));
                e.example = Some(self.intern(example));
                (e.language, e.style) = (Some(language), Some(style));
            }
            FileKind::DocsPage { page, style } | FileKind::DocsPreview { page, style } => {
                e.kind = if matches!(kind, FileKind::DocsPage { .. }) { "docs-page" } else { "docs-preview" };
                e.action = Some(self.intern(page));
                e.style = Some(style);
            }
            FileKind::RustClient { .. } => e.kind = "rust-client",
            FileKind::DocsPermissions { .. } | FileKind::DocsAsset { .. } | FileKind::Manifest => {}
        }
        e
    }
}

impl Sink for Collector<'_> {
    fn put(&mut self, path: String, text: String) {
        // A file handed over without its kind: its place says what it is.
        let entry = match FileKind::parse(&path) {
            Some(kind) => self.entry(&kind, path.clone(), &text),
            None => Entry {
                path: path.clone(),
                sha: Sha256::digest(text.as_bytes()).into(),
                kind: "other",
                action: None,
                example: None,
                language: None,
                style: None,
            },
        };
        self.files.push(entry);
        self.inner.put(path, text);
    }

    fn file(&mut self, kind: FileKind<'_>, text: String) {
        let entry = self.entry(&kind, kind.path(), &text);
        self.files.push(entry);
        self.inner.file(kind, text);
    }
}
