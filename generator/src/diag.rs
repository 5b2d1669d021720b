//! Spec errors with a file, line, column and key, rendered with the offending line and a caret.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;
use std::fmt;
use std::ops::Range;
use std::path::Path;

/// Source lines longer than this are shown as a window of about this many bytes around
/// the caret, so a one-line 50 MB file prints one short line.
const WINDOW: usize = 160;
/// Errors rendered at most: enough to fix in one pass, never a flood (each one renders
/// its own source line).
const MAX_SHOWN: usize = 100;

/// A place in a spec file: 1-based line and column, and the byte range to underline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pos {
    pub file: usize,
    pub line: u64,
    pub column: u64,
    pub bytes: Range<usize>,
}

/// One problem found in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub pos: Option<Pos>,
    /// The dotted key path of the offending value (`actions[0].parameters.reason`).
    pub key: String,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
}

/// The source texts diagnostics point into, kept so they can be rendered.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    pub files: Vec<(String, String)>,
}

impl Sources {
    pub fn add(&mut self, name: String, text: String) -> usize {
        self.files.push((name, text));
        self.files.len() - 1
    }
}

/// All errors of one run, rendered together so a user fixes them in one pass.
#[derive(Debug, Clone)]
pub struct SpecErrors {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
    /// A file could not be read at all (missing, unreadable): an I/O error, exit 3,
    /// rather than invalid input.
    pub io: bool,
}

impl SpecErrors {
    /// Renders every diagnostic as `error: … --> file:line:column`, the source line and a
    /// caret, then the key; plain text, so output is the same on a terminal and in a log.
    ///
    /// Nothing reaches the terminal raw: control and bidi characters in messages, keys and
    /// source lines are shown escaped, and a long line is cut to a window around the caret.
    pub fn render(&self) -> String {
        let config = term::Config::default();
        let mut out = String::new();
        for d in self.diagnostics.iter().take(MAX_SHOWN) {
            let mut report = Report::error().with_message(escape_controls(&d.message));
            let mut notes = vec![format!("key: {}", escape_controls(&d.key))];
            if let Some(help) = &d.help {
                notes.push(format!("help: {}", escape_controls(help)));
            }
            let mut files = SimpleFiles::new();
            let mut fix_column = None;
            if let Some(pos) = &d.pos {
                let (name, text) = &self.sources.files[pos.file];
                let (window, bytes, shown_col) = window(text, pos);
                let id = files.add(shown_path(Path::new(name)), window);
                if shown_col != pos.column {
                    fix_column = Some((format!(":{}:{shown_col}\n", pos.line), format!(":{}:{}\n", pos.line, pos.column)));
                }
                report = report.with_labels(vec![Label::primary(id, bytes).with_message(escape_controls(&d.label))]);
            }
            report = report.with_notes(notes);
            match term::emit_into_string(&config, &files, &report) {
                Ok(text) => match fix_column {
                    Some((shown, real)) => out.push_str(&text.replacen(&shown, &real, 1)),
                    None => out.push_str(&text),
                },
                Err(e) => out.push_str(&format!("(could not render the source line: {e})\n")),
            }
        }
        let n = self.diagnostics.len();
        if n > MAX_SHOWN {
            out.push_str(&format!("… and {} more errors not shown\n", n - MAX_SHOWN));
        }
        out.push_str(&format!("{n} spec error{}; nothing was written\n", if n == 1 { "" } else { "s" }));
        out
    }
}

impl fmt::Display for SpecErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for SpecErrors {}

/// The text codespan renders for one diagnostic: blank lines up to the error's line (so
/// the line number is right), then that line, cut to a window around `pos` when long and
/// with every control or bidi character replaced byte-for-byte by `?` (so offsets hold).
/// Returns the text, the label's range in it and the column codespan will compute.
fn window(text: &str, pos: &Pos) -> (String, Range<usize>, u64) {
    let start = pos.bytes.start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let (mut from, mut to) = (line_start, line_end);
    if line_end - line_start > WINDOW {
        from = floor_char(text, start.saturating_sub(WINDOW / 2).max(line_start));
        to = floor_char(text, (from + WINDOW).min(line_end));
    }
    let line = text[from..to].chars().map(|c| if is_unsafe(c) { "?".repeat(c.len_utf8()) } else { c.to_string() }).collect::<String>();
    let prefix = "\n".repeat(usize::try_from(pos.line.saturating_sub(1)).unwrap_or(0));
    let (cut_l, cut_r) = (if from > line_start { "…" } else { "" }, if to < line_end { "…" } else { "" });
    let shown = format!("{prefix}{cut_l}{line}{cut_r}\n");
    let s = prefix.len() + cut_l.len() + (start - from);
    let e = (s + pos.bytes.len().min(to.saturating_sub(start))).max(s);
    let col = text[from..start].chars().count() as u64 + u64::from(!cut_l.is_empty()) + 1;
    (shown, s..e, col)
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Control characters (other than tab: C0, DEL and C1), the bidi overrides, isolates and
/// marks that can make a terminal or an editor show text other than what is there, the
/// line and paragraph separators some tools break lines at, and the byte-order mark.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}'
        )
}

/// `text` with every unsafe character written as `\u{…}`; a message is safe to print.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe(c) && c != '\n' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` cut to its first 160 characters (`WINDOW`) (with `…` after), so that an echoed
/// name or value never prints megabytes; escape it too before it is shown.
pub fn clip(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(WINDOW) {
        Some((at, _)) => format!("{}…", &text[..at]).into(),
        None => text.into(),
    }
}

/// Writes `text` to stderr as it is (a closed stderr is not an error worth dying of).
pub fn eprint(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// A message located in a text that is not a spec file (an HTTP request, a page):
/// `error: …`, `--> path:line:column`, the line and a caret. The line is cut to a window
/// around the column and, like the message, shown with control characters escaped.
pub fn located_in(path: &str, text: &str, line: usize, column: usize, message: &str) -> String {
    let source = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
    let chars: Vec<char> = source.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let from = if chars.len() > WINDOW { at.saturating_sub(WINDOW / 2) } else { 0 };
    let to = (from + WINDOW).min(chars.len());
    let show = |c: &char| if is_unsafe(*c) { '?' } else { *c };
    let (cut_l, cut_r) = (if from > 0 { "…" } else { "" }, if to < chars.len() { "…" } else { "" });
    let shown: String = chars[from..to].iter().map(show).collect();
    let caret = " ".repeat(at - from + usize::from(from > 0));
    let message = escape_controls(message);
    format!("error: {message}\n  --> {}:{line}:{column}\n   | {cut_l}{shown}{cut_r}\n   | {caret}^\n", escape_controls(path))
}

/// A path as it may be printed: lossy UTF-8, control characters escaped.
pub fn shown_path(path: &Path) -> String {
    escape_controls(&path.display().to_string()).replace('\n', "\\n")
}

/// "did you mean" for a misspelt name: the closest candidate within a small edit distance.
pub fn suggest<'s>(wrong: &str, candidates: impl Iterator<Item = &'s str>) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(&wrong.to_lowercase(), &c.to_lowercase());
        if d <= 2.max(wrong.len() / 4) && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| format!("did you mean `{c}`?"))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, line: u64, column: u64, bytes: Range<usize>) -> String {
        let sources = Sources { files: vec![("spec.yaml".into(), text.into())] };
        let d = Diagnostic {
            pos: Some(Pos { file: 0, line, column, bytes }),
            key: "k".into(),
            message: "m".into(),
            label: "l".into(),
            help: None,
        };
        SpecErrors { diagnostics: vec![d], sources, io: false }.render()
    }

    #[test]
    fn a_long_line_is_cut_around_the_caret_and_keeps_its_column() {
        let mut text = "a: ".to_owned();
        text.push_str(&"x".repeat(100_000));
        text.push_str("BAD");
        text.push_str(&"y".repeat(100_000));
        let at = text.find("BAD").unwrap();
        let r = one(&text, 1, at as u64 + 1, at..at + 3);
        assert!(r.len() < 1_000, "{} bytes", r.len());
        assert!(r.contains(&format!("spec.yaml:1:{}\n", at + 1)), "{r}");
        let source_line = r.lines().find(|l| l.contains("BAD")).unwrap();
        let caret_line = r.lines().find(|l| l.contains("^^^")).unwrap();
        let col = |l: &str, s: &str| l[..l.find(s).unwrap()].chars().count();
        assert_eq!(col(source_line, "BAD"), col(caret_line, "^^^"), "{r}");
    }

    #[test]
    fn control_and_bidi_characters_never_reach_the_terminal() {
        let text = "a: \u{1b}[31mred\u{202e}evil\u{7}\nb: 1\n";
        let r = one(text, 1, 4, 3..8);
        assert!(!r.chars().any(|c| is_unsafe(c) && c != '\n'), "{r:?}");
        let msg = escape_controls("x\u{1b}y\u{2066}");
        assert_eq!(msg, "x\\u{1b}y\\u{2066}");
    }
}
