//! `generated/manifest.json`: every generated file with its action, example, language,
//! style and content hash, for docs pipelines.

use crate::model::Model;
use crate::output::Tree;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

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

fn sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Adds the manifest, describing every other file already in `tree`.
pub fn emit(model: &Model, cmd: &str, tree: &mut Tree) {
    // One map, not a search of every action per file: the manifest stays linear.
    let actions: std::collections::HashMap<&str, String> =
        model.actions.iter().flat_map(|a| a.examples.iter().map(move |e| (e.name.as_str(), a.id()))).collect();
    let action_of = |example: &str| -> Value { actions.get(example).map_or(Value::Null, |id| Value::String(id.clone())) };
    let files: Vec<Value> = tree
        .iter()
        .map(|(path, text)| {
            let mut entry = match classify(path) {
                Kind::Snippet { style, language, example } => json!({
                    "kind": "snippet", "action": action_of(example), "example": example, "language": language, "style": style,
                }),
                Kind::DocsInclude { style, language, example } => json!({
                    "kind": "docs-include", "action": action_of(example), "example": example, "language": language, "style": style,
                }),
                Kind::DocsPage { style, action } => json!({"kind": "docs-page", "action": action, "style": style}),
                Kind::DocsPreview { style, action } => json!({"kind": "docs-preview", "action": action, "style": style}),
                Kind::RustClient => json!({"kind": "rust-client"}),
                Kind::Manifest | Kind::Other => json!({"kind": "other"}),
            };
            entry["path"] = Value::String(path.clone());
            entry["sha256"] = Value::String(sha256(text));
            entry
        })
        .collect();
    let manifest = json!({
        "generatedBy": "sdkgen",
        "sdkgenVersion": env!("CARGO_PKG_VERSION"),
        "specFormat": crate::spec::FORMAT_VERSION,
        "regenerate": cmd,
        "hash": "sha256 of the file's bytes as written, header included",
        "files": files,
    });
    let mut text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    text.push('\n');
    tree.insert(PATH.to_owned(), text);
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
