//! Reading spec files from disk into their raw, position-carrying form.

pub mod raw;

use crate::diag::{Diagnostic, Pos, Sources, SpecErrors};
use raw::RawFile;
use serde_saphyr::Location;
use std::path::{Path, PathBuf};

/// The format version this generator reads (`sdkgen: 1` at the top of every file).
pub const FORMAT_VERSION: u32 = 1;

/// The raw files of one spec, in path order, with their texts for diagnostics.
pub struct RawSpec {
    pub files: Vec<(usize, RawFile)>,
    pub sources: Sources,
}

/// Lists the spec's files: `path` itself, or every `*.yaml` / `*.yml` below it, sorted
/// so that output order never depends on the file system.
pub fn spec_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let p = entry?.path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Reads and parses every file; all files are tried so one run reports every error.
pub fn load(path: &Path) -> Result<RawSpec, SpecErrors> {
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let files = match spec_files(path) {
        Ok(f) if f.is_empty() => {
            diagnostics.push(plain(path, "no *.yaml spec files found"));
            Vec::new()
        }
        Ok(f) => f,
        Err(e) => {
            diagnostics.push(plain(path, &format!("cannot read the spec: {e}")));
            Vec::new()
        }
    };
    let mut parsed = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) => {
                diagnostics.push(plain(&file, &format!("cannot read {name}: {e}")));
                continue;
            }
        };
        let id = sources.add(name, text);
        let text = &sources.files[id].1;
        if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
            diagnostics.push(Diagnostic {
                pos: Some(Pos { file: id, line: 1, column: 1, bytes: 0..0 }),
                key: "sdkgen".to_owned(),
                message: "the file has no content".to_owned(),
                label: "empty".to_owned(),
                help: Some(format!("a spec file starts with `sdkgen: {FORMAT_VERSION}`")),
            });
            continue;
        }
        match serde_saphyr::from_str::<RawFile>(text) {
            Ok(raw) => parsed.push((id, raw)),
            Err(err) => diagnostics.push(from_yaml_error(id, text, &err)),
        }
    }
    if diagnostics.is_empty() {
        Ok(RawSpec { files: parsed, sources })
    } else {
        Err(SpecErrors { diagnostics, sources })
    }
}

fn plain(path: &Path, message: &str) -> Diagnostic {
    Diagnostic {
        pos: None,
        key: path.display().to_string(),
        message: message.to_owned(),
        label: String::new(),
        help: None,
    }
}

fn from_yaml_error(file: usize, text: &str, err: &serde_saphyr::Error) -> Diagnostic {
    use serde_saphyr::Error as E;
    let mut pos = err.location().filter(|l| l.line() > 0).map(|l| pos_of(file, text, &l));
    let found_key = pos.as_ref().map(|p| key_at(text, p)).unwrap_or_else(|| "-".to_owned());
    let (message, key, label, help) = match err.without_snippet() {
        E::SerdeUnknownField { field, expected, .. } => (
            format!("unknown key `{field}`"),
            field.clone(),
            "not a key of this mapping".to_owned(),
            Some(format!("expected one of: {}", expected.join(", "))),
        ),
        E::SerdeMissingField { field, .. } => {
            // serde notices a missing key at the end of the mapping; point at its start.
            pos = pos.map(|p| mapping_start(file, text, p));
            (
            format!("missing required key `{field}`"),
            (*field).to_owned(),
            format!("this mapping needs `{field}`"),
            None,
            )
        }
        E::DuplicateMappingKey { key, .. } => {
            let key = key.clone().unwrap_or(found_key);
            (format!("duplicate key `{key}`"), key, "defined again here".to_owned(), None)
        }
        other => (
            first_line(&other.without_snippet().to_string()),
            found_key,
            "here".to_owned(),
            None,
        ),
    };
    Diagnostic { pos, key, message, label, help }
}

/// The first key of the block mapping that contains `pos`: walk up past deeper or equally
/// indented lines; a `- ` item line whose key starts at the same column is the start,
/// otherwise the line above (the mapping's parent key) is.
fn mapping_start(file: usize, text: &str, pos: Pos) -> Pos {
    let lines: Vec<&str> = text.lines().collect();
    let col = usize::try_from(pos.column).unwrap_or(1).max(1) - 1;
    let mut i = usize::try_from(pos.line).unwrap_or(1).max(1) - 1;
    while i > 0 {
        let prev = lines[i - 1];
        let indent = prev.len() - prev.trim_start().len();
        let blank = prev.trim().is_empty() || prev.trim_start().starts_with('#');
        if blank || indent > col || (indent == col && !prev.trim_start().starts_with("- ")) {
            i -= 1;
            continue;
        }
        i -= 1;
        break;
    }
    let line = lines.get(i).copied().unwrap_or("");
    let key_col = line.len() - line.trim_start().trim_start_matches("- ").len();
    let loc_line = (i + 1) as u64;
    let start: usize = lines.iter().take(i).map(|l| l.len() + 1).sum::<usize>() + key_col;
    let len = token_len(&line[key_col..]);
    Pos { file, line: loc_line, column: key_col as u64 + 1, bytes: start..start + len }
}

/// serde-saphyr's message, without the position it appends (we print our own).
fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or("invalid YAML").trim();
    match line.rfind(" at line ") {
        Some(i) => line[..i].to_owned(),
        None => line.to_owned(),
    }
}

/// Converts a serde-saphyr location into a byte range on its line: the whole plain token
/// starting there, so the caret underlines the key or value rather than one character.
pub fn pos_of(file: usize, text: &str, loc: &Location) -> Pos {
    let line = loc.line().max(1);
    let column = loc.column().max(1);
    let line_start = text
        .split_inclusive('\n')
        .take(usize::try_from(line - 1).unwrap_or(usize::MAX))
        .map(str::len)
        .sum::<usize>()
        .min(text.len());
    let line_text = text[line_start..].split('\n').next().unwrap_or("");
    let col_byte = line_text
        .char_indices()
        .nth(usize::try_from(column - 1).unwrap_or(usize::MAX))
        .map(|(i, _)| i)
        .unwrap_or(line_text.len());
    let rest = &line_text[col_byte..];
    let len = token_len(rest);
    let start = line_start + col_byte;
    Pos { file, line, column, bytes: start..start + len }
}

fn token_len(rest: &str) -> usize {
    let rest = rest.trim_end_matches('\r');
    if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        if let Some(end) = rest[1..].find(q) {
            return end + 2;
        }
    }
    let end = rest.find(": ").or_else(|| rest.strip_suffix(':').map(str::len)).unwrap_or(rest.len());
    let end = rest[..end].trim_end().len();
    end.max(1).min(rest.len().max(1))
}

/// The key written at `pos`, or on its line: what a user searches for in the file.
fn key_at(text: &str, pos: &Pos) -> String {
    let line = text.lines().nth(usize::try_from(pos.line - 1).unwrap_or(usize::MAX)).unwrap_or("");
    let trimmed = line.trim_start().trim_start_matches("- ");
    match trimmed.split_once(':') {
        Some((k, _)) if !k.is_empty() => k.trim().trim_matches('"').to_owned(),
        _ => trimmed.trim().to_owned(),
    }
}
