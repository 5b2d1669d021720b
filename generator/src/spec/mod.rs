//! Reading spec files from disk into their raw, position-carrying form.

pub mod raw;

use crate::diag::{shown_path, Diagnostic, Pos, Sources, SpecErrors};
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

/// Caps on what one spec may make sdkgen read: a runaway file (or a link to a device)
/// is an error, not an exhausted memory.
pub const MAX_FILE_BYTES: u64 = 32 << 20;
pub const MAX_TOTAL_BYTES: u64 = 256 << 20;

/// Lists the spec's files: `path` itself, or every `*.yaml` / `*.yml` below it, sorted
/// so that output order never depends on the file system. Links inside a spec directory
/// are followed only to places inside it (a link to a secrets file is refused before it is
/// read, so its text cannot appear in a message), each directory once (a link loop ends).
/// Anything but a regular file with a spec extension is refused with its path.
pub fn spec_files(path: &Path) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let io = |p: &Path, e: std::io::Error| vec![plain(p, &format!("cannot read {}: {e}", shown_path(p)))];
    let meta = std::fs::metadata(path).map_err(|e| io(path, e))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let root = std::fs::canonicalize(path).map_err(|e| io(path, e))?;
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::from([root.clone()]);
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| io(&dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| io(&dir, e))?;
            let p = entry.path();
            let is_spec = matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"));
            let kind = entry.file_type().map_err(|e| io(&p, e))?;
            let meta = if kind.is_symlink() {
                let target = match std::fs::canonicalize(&p) {
                    Ok(t) => t,
                    Err(e) => {
                        problems.push(plain(&p, &format!("{} is a broken link or a link loop ({e})", shown_path(&p))));
                        continue;
                    }
                };
                if !target.starts_with(&root) {
                    problems.push(plain(
                        &p,
                        &format!("{} links outside the spec directory; links are followed only inside it", shown_path(&p)),
                    ));
                    continue;
                }
                if target.is_dir() && !seen.insert(target.clone()) {
                    continue;
                }
                std::fs::metadata(&target).map_err(|e| io(&p, e))?
            } else {
                entry.metadata().map_err(|e| io(&p, e))?
            };
            if meta.is_dir() {
                if kind.is_dir() {
                    seen.insert(std::fs::canonicalize(&p).map_err(|e| io(&p, e))?);
                }
                stack.push(p);
            } else if is_spec && meta.is_file() {
                out.push(p);
            } else if is_spec {
                problems.push(plain(
                    &p,
                    &format!("{} is not a regular file (a FIFO, socket or device); spec files must be regular files", shown_path(&p)),
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    out.sort();
    Ok(out)
}

/// Reads one spec file: a regular file (opened without blocking, so a FIFO is refused
/// rather than waited on), at most `cap` bytes.
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let file = crate::platform::open_read(path, true).map_err(|e| format!("cannot read {}: {e}", shown_path(path)))?;
    let meta = file.metadata().map_err(|e| format!("cannot read {}: {e}", shown_path(path)))?;
    if !meta.is_file() {
        return Err(format!("{} is not a regular file (a FIFO, socket or device); spec files must be regular files", shown_path(path)));
    }
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read {}: {e}", shown_path(path)))?;
    if bytes.len() as u64 > cap {
        return Err(format!("{} is larger than {} MiB, the limit for one spec file", shown_path(path), cap >> 20));
    }
    Ok(bytes)
}

/// Spec text from a file's bytes: UTF-8 only (a UTF-8 byte-order mark is dropped), line
/// ends normalised to `\n` (CRLF and a lone CR alike, so every location counts lines as
/// the YAML parser does). An encoding error points at the first bad byte.
fn decode(bytes: &[u8]) -> Result<String, (String, usize)> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(("the file is UTF-16; spec files must be UTF-8".to_owned(), 0));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return Err(("the file is not valid UTF-8".to_owned(), e.valid_up_to())),
    };
    if let Some(i) = text.find('\0') {
        return Err(("the file holds a NUL character; spec files are text".to_owned(), i));
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Reads and parses every file; all files are tried so one run reports every error.
pub fn load(path: &Path) -> Result<RawSpec, SpecErrors> {
    load_without(path, None)
}

/// [`load`], leaving out the file `without` (one an import is about to replace).
pub fn load_without(path: &Path, without: Option<&Path>) -> Result<RawSpec, SpecErrors> {
    let without = without.and_then(|w| std::fs::canonicalize(w).ok());
    if without.is_none() {
        return load_joined(path, &|_| false, &[]);
    }
    load_joined(path, &|p| std::fs::canonicalize(p).ok() == without, &[])
}

/// The spec an import would leave at `path`, without writing it: the files there less those
/// `replaced` says the import replaces or removes, plus `added` (a path beside the others
/// and its text), so the whole is validated before the first write. A `path` that does not
/// exist yet holds no files.
pub fn load_joined(path: &Path, replaced: &dyn Fn(&Path) -> bool, added: &[(PathBuf, String)]) -> Result<RawSpec, SpecErrors> {
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let listed = if !added.is_empty() && std::fs::symlink_metadata(path).is_err() { Ok(Vec::new()) } else { spec_files(path) };
    let files = match listed {
        Ok(mut f) if !added.is_empty() || f.iter().any(|p| replaced(p)) => {
            f.retain(|p| !replaced(p));
            f
        }
        Ok(f) if f.is_empty() => {
            diagnostics.push(plain(path, &format!("no *.yaml spec files found in {}", shown_path(path))));
            Vec::new()
        }
        Ok(f) => f,
        Err(problems) => {
            diagnostics.extend(problems);
            Vec::new()
        }
    };
    let mut parsed = Vec::new();
    // (where its error would go among `diagnostics`, source id) of each file to parse.
    let mut to_parse: Vec<(usize, usize)> = Vec::new();
    let mut total: u64 = 0;
    for file in files {
        let name = file.display().to_string();
        let cap = MAX_FILE_BYTES.min(MAX_TOTAL_BYTES.saturating_sub(total));
        let bytes = match read_capped(&file, cap) {
            Ok(b) => b,
            Err(message) => {
                let message = if cap < MAX_FILE_BYTES && message.contains("larger than") {
                    format!("the spec is larger than {} MiB in total; {} was not read", MAX_TOTAL_BYTES >> 20, shown_path(&file))
                } else {
                    message
                };
                diagnostics.push(plain(&file, &message));
                continue;
            }
        };
        total += bytes.len() as u64;
        let text = match decode(&bytes) {
            Ok(t) => t,
            Err((message, at)) => {
                let shown = String::from_utf8_lossy(&bytes[..at]).into_owned();
                let line = shown.matches('\n').count() as u64 + 1;
                let column = shown.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
                let lossy = String::from_utf8_lossy(&bytes).replace('\0', " ");
                let start = shown.len();
                let id = sources.add(name, lossy);
                let end = (start + 1).min(sources.files[id].1.len());
                diagnostics.push(Diagnostic {
                    pos: Some(Pos { file: id, line, column, bytes: start..end }),
                    key: "-".to_owned(),
                    message,
                    label: "here".to_owned(),
                    help: None,
                });
                continue;
            }
        };
        let id = sources.add(name, text);
        let text = &sources.files[id].1;
        let content = |l: &str| {
            let t = l.trim();
            !(t.is_empty() || t.starts_with('#') || t == "---" || t == "...")
        };
        if !text.lines().any(content) {
            diagnostics.push(Diagnostic {
                pos: Some(Pos { file: id, line: 1, column: 1, bytes: 0..0 }),
                key: "sdkgen".to_owned(),
                message: "the file has no content".to_owned(),
                label: "empty".to_owned(),
                help: Some(format!("a spec file starts with `sdkgen: {FORMAT_VERSION}`")),
            });
            continue;
        }
        to_parse.push((diagnostics.len(), id));
    }
    for (file, text) in added {
        let id = sources.add(file.display().to_string(), text.clone());
        to_parse.push((diagnostics.len(), id));
    }
    // Parsing is most of loading: the files are parsed on every core, and their results
    // (or errors) put back in the files' order.
    let results = parse_all(&sources, &to_parse);
    for ((at, id), result) in to_parse.iter().zip(results).rev() {
        match result {
            Ok(raw) => parsed.push((*id, raw)),
            Err(d) => diagnostics.insert(*at, *d),
        }
    }
    parsed.reverse();
    if diagnostics.is_empty() {
        Ok(RawSpec { files: parsed, sources })
    } else {
        let io = diagnostics.iter().any(|d| d.pos.is_none() && d.message.starts_with("cannot read "));
        Err(SpecErrors { diagnostics, sources, io })
    }
}

/// Parses each file of `ids` (second of each pair), on every core; results in order.
fn parse_all(sources: &Sources, ids: &[(usize, usize)]) -> Vec<Result<RawFile, Box<Diagnostic>>> {
    let parse = |id: usize| {
        let text = &sources.files[id].1;
        match serde_saphyr::from_str::<RawFile>(text) {
            Ok(mut raw) => {
                raw.action_count = raw.actions.len();
                raw.actions = Vec::new();
                Ok(raw)
            }
            Err(err) => Err(Box::new(from_yaml_error(id, text, &err))),
        }
    };
    crate::par::shares(ids, |mine| mine.iter().map(|(_, id)| parse(*id)).collect::<Vec<_>>()).into_iter().flatten().collect()
}

/// The actions of spec file `file`, parsed again from its text (which parsed whole when
/// the spec was loaded, so this cannot fail).
pub fn actions_of(sources: &Sources, file: usize) -> Vec<raw::S<raw::RawAction>> {
    let text = &sources.files[file].1;
    serde_saphyr::from_str::<raw::RawActions>(text).map(|a| a.actions).unwrap_or_default()
}

fn plain(path: &Path, message: &str) -> Diagnostic {
    Diagnostic { pos: None, key: shown_path(path), message: message.to_owned(), label: String::new(), help: None }
}

pub(crate) fn from_yaml_error(file: usize, text: &str, err: &serde_saphyr::Error) -> Diagnostic {
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
            (format!("missing required key `{field}`"), (*field).to_owned(), format!("this mapping needs `{field}`"), None)
        }
        E::DuplicateMappingKey { key, .. } => {
            let key = key.clone().unwrap_or(found_key);
            (format!("duplicate key `{key}`"), key, "defined again here".to_owned(), None)
        }
        E::NonFiniteFloat { value, .. } => {
            (format!("`{value}` is not a finite number; JSON has no infinities or NaN"), found_key, "here".to_owned(), None)
        }
        other => (own_words(&first_line(&other.without_snippet().to_string())), found_key, "here".to_owned(), None),
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

/// The YAML library's message in sdkgen's words: its option names and API advice
/// (`use from_multiple`) mean nothing to someone writing a spec.
fn own_words(message: &str) -> String {
    const TABLE: [(&str, &str); 6] = [
        ("multiple YAML documents", "a spec file holds one YAML document; `---` starts a second one here"),
        ("invalid u", "expected a whole number"),
        ("invalid i", "expected a whole number"),
        ("expected string scalar", "expected a string"),
        ("expected mapping start", "expected a mapping (`key: value` lines)"),
        ("expected sequence start", "expected a list (`- item` lines)"),
    ];
    if let Some((_, ours)) = TABLE.iter().find(|(theirs, _)| message.starts_with(theirs) || message.contains(theirs)) {
        return (*ours).to_owned();
    }
    // Anything still naming the library's API (snake_case option or function names).
    let internal = message.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).any(|w| w.contains('_') && w.len() > 3);
    if internal {
        "invalid YAML here".to_owned()
    } else {
        message.to_owned()
    }
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
    // The parser's byte offset, when it has one, finds the line without a walk from the
    // top of the file: a spec with thousands of errors stays linear.
    let offset = loc.span().byte_offset().and_then(|o| usize::try_from(o).ok()).filter(|o| *o <= text.len() && text.is_char_boundary(*o));
    if let Some(start) = offset {
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let len = token_len(&text[start..line_end]);
        return Pos { file, line, column, bytes: start..start + len };
    }
    let line_start =
        text.split_inclusive('\n').take(usize::try_from(line - 1).unwrap_or(usize::MAX)).map(str::len).sum::<usize>().min(text.len());
    let line_text = text[line_start..].split('\n').next().unwrap_or("");
    let col_byte =
        line_text.char_indices().nth(usize::try_from(column - 1).unwrap_or(usize::MAX)).map(|(i, _)| i).unwrap_or(line_text.len());
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
